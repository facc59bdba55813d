package org.mufu.hub.metadata;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while running a piece of code, as the JVM counts them (HotSpot's
 * per-thread allocation counter): exact where heap readings before and after depend on the collector.
 */
final class Allocation {

	private Allocation() {
	}

	static long of(Runnable work) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long id = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(id);
		work.run();
		return threads.getThreadAllocatedBytes(id) - before;
	}

	static Runnable ignoringRefusal(Runnable work) {
		return () -> {
			try {
				work.run();
			}
			catch (MediaRefusedException refused) {
				// a refusal is one acceptable end; the allocation is what is measured
			}
		};
	}
}
