package org.mufu.hub.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class DecodesTest {

	@Test
	void noMoreRunAtOnceThanConfigured() throws Exception {
		Decodes decodes = new Decodes(new UploadProperties(100_000_000, DataSize.ofMegabytes(100),
				DataSize.ofGigabytes(20), DataSize.ofMegabytes(200), Duration.ofHours(1), 2));
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(2);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				results.add(pool.submit(() -> decodes.run(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					started.countDown();
					await(release);
					running.decrementAndGet();
					return 1;
				})));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(decodes.available()).isZero();
			release.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(most.get()).isEqualTo(2);
		assertThat(decodes.available()).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
