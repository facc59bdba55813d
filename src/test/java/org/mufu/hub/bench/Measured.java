package org.mufu.hub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Latencies of a closed loop: each client sends its next request when the last one has answered. */
record Measured(List<Long> nanos, double seconds) {

	static Measured closedLoop(int clients, double seconds, Callable<?> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> results = new ArrayList<>();
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
		pool.shutdown();
		return new Measured(all, elapsed);
	}

	static Measured merge(List<Measured> rounds) {
		List<Long> all = new ArrayList<>();
		double seconds = 0;
		for (Measured round : rounds) {
			all.addAll(round.nanos());
			seconds += round.seconds();
		}
		return new Measured(all, seconds);
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

	double perSecond() {
		return this.nanos.size() / this.seconds;
	}
}
