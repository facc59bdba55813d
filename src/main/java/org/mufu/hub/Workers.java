package org.mufu.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls to storage and Elasticsearch made side by side: a pool of daemon threads, and running a batch of tasks on
 * it until every one has ended, so a failure never leaves another task still writing behind the caller's back.
 */
public final class Workers {

	private Workers() {
	}

	/** A fixed pool of daemon threads named {@code name}. */
	public static ExecutorService pool(String name, int threads) {
		return Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The tasks' results in order, once all have ended; or the first failure among them. */
	public static <T> List<T> all(ExecutorService pool, List<? extends Callable<T>> tasks) {
		List<T> results = new ArrayList<>(tasks.size());
		RuntimeException failure = null;
		List<Future<T>> futures;
		try {
			futures = pool.invokeAll(tasks);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for storage or the index", ex);
		}
		for (Future<T> task : futures) {
			try {
				results.add(await(task));
			}
			catch (RuntimeException ex) {
				failure = failure == null ? ex : failure;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return results;
	}

	/** A task's result once it has ended; its failure as thrown, an unchecked one as it is. */
	public static <T> T await(Future<T> task) {
		try {
			return task.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for storage or the index", ex);
		}
	}

	/** Runs the tasks as {@link #all} does. */
	public static void run(ExecutorService pool, List<Runnable> tasks) {
		all(pool, tasks.stream().map(task -> Executors.callable(task)).toList());
	}
}
