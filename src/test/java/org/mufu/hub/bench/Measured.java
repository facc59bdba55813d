package org.mufu.hub.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.management.OperatingSystemMXBean;

/**
 * Latencies of a closed loop: each client sends its next request when the last one has answered. Beside them,
 * the CPU this JVM spent meanwhile, client threads included: the hub's own cost per request shows as the
 * difference between a hub round and a raw round, a steadier figure than latency on a shared machine.
 */
record Measured(List<Long> nanos, double seconds, long cpuNanos) {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	Measured(List<Long> nanos, double seconds) {
		this(nanos, seconds, 0);
	}

	static Measured closedLoop(int clients, double seconds, Callable<?> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> results = new ArrayList<>();
		long cpu = OS.getProcessCpuTime();
		long started = System.nanoTime();
		long deadline = started + (long) (seconds * 1e9);
		for (int i = 0; i < clients; i++) {
			results.add(pool.submit(() -> {
				List<Long> own = new ArrayList<>();
				while (System.nanoTime() < deadline) {
					long t = System.nanoTime();
					request.call();
					own.add(System.nanoTime() - t);
				}
				return own;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long spent = OS.getProcessCpuTime() - cpu;
		pool.shutdown();
		return new Measured(all, elapsed, spent);
	}

	static Measured merge(List<Measured> rounds) {
		List<Long> all = new ArrayList<>();
		double seconds = 0;
		long cpu = 0;
		for (Measured round : rounds) {
			all.addAll(round.nanos());
			seconds += round.seconds();
			cpu += round.cpuNanos();
		}
		return new Measured(all, seconds, cpu);
	}

	double percentileMillis(double p) {
		List<Long> sorted = new ArrayList<>(this.nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
	}

	/** CPU of this JVM per request served, in milliseconds. */
	double cpuMillisPerRequest() {
		return this.nanos.isEmpty() ? Double.NaN : this.cpuNanos / 1e6 / this.nanos.size();
	}

	double perSecond() {
		return this.nanos.size() / this.seconds;
	}
}
