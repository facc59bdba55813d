package org.mufu.hub.localservices;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.time.Duration;

import org.apache.commons.logging.LogFactory;

/**
 * The local servers of this JVM, one set per data directory, shared by every application context that
 * asks for them (the test suite's contexts among them) and stopped when the last one lets go. Should the
 * JVM end without closing its contexts, the kernel stops them (see {@link ServiceProcess}).
 */
final class LocalServices {

	private static final Map<String, Shared> running = new HashMap<>();

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

	private static Thread watchdog;

	private LocalServices() {
	}

	/** Endpoints of the services asked for, started or reused; release the lease when done. */
	static synchronized Lease acquire(Path dataDir, LocalServicesProperties properties, boolean elasticsearch,
			boolean s3, String accessKey, String secretKey) {
		Artifacts artifacts = new Artifacts(properties.artifactsDir());
		List<Shared> leased = new ArrayList<>();
		List<CompletableFuture<Void>> starting = new ArrayList<>();
		Map<String, Object> endpoints = new HashMap<>();
		if (elasticsearch) {
			Shared shared = running.computeIfAbsent("elasticsearch:" + dataDir,
					key -> new Shared(new LocalElasticsearch(dataDir, port(properties.elasticsearch().port()),
							properties.elasticsearch().heap(), artifacts.elasticsearchZip())));
			leased.add(shared);
			endpoints.put("spring.elasticsearch.uris", shared.service.endpoint());
		}
		if (s3) {
			Shared shared = running.computeIfAbsent("s3:" + dataDir,
					key -> new Shared(new LocalS3Server(dataDir, port(properties.s3().port()), properties.s3().heap(),
							artifacts.s3proxyJar(), accessKey, secretKey)));
			leased.add(shared);
			endpoints.put("hub.storage.endpoint", shared.service.endpoint());
		}
		for (Shared shared : leased) {
			if (shared.users++ == 0) {
				starting.add(CompletableFuture.runAsync(() -> shared.service.ensureRunning(properties.startTimeout())));
			}
		}
		try {
			CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			new Lease(leased, endpoints).release();
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
		watch(properties.startTimeout());
		return new Lease(leased, endpoints);
	}

	/* A server that dies while the hub runs is started again, on the same port and data, within seconds. */
	private static void watch(Duration startTimeout) {
		if (watchdog != null) {
			return;
		}
		watchdog = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(WATCH_INTERVAL.toMillis());
					List<Shared> services;
					synchronized (LocalServices.class) {
						services = List.copyOf(running.values());
					}
					for (Shared shared : services) {
						try {
							shared.service.restartIfDied(startTimeout);
						}
						catch (RuntimeException ex) {
							LogFactory.getLog(LocalServices.class).warn("Could not start a local server again; trying "
									+ "again shortly", ex);
						}
					}
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "local-services-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/** The process id of a data directory's running Elasticsearch, or -1 (for fault tests). */
	static synchronized long elasticsearchPid(Path dataDir) {
		Shared shared = running.get("elasticsearch:" + dataDir.toAbsolutePath().normalize());
		return shared != null ? shared.service.pid() : -1;
	}

	private static int port(int configured) {
		if (configured != 0) {
			return configured;
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized void release(List<Shared> leased) {
		for (Shared shared : leased) {
			if (--shared.users == 0) {
				shared.service.stopIfOwned();
				running.values().remove(shared);
			}
		}
	}

	private static final class Shared {

		private final LocalService service;

		private int users;

		Shared(LocalService service) {
			this.service = service;
		}
	}

	/** One application context's hold on the local services. */
	static final class Lease {

		private final List<Shared> leased;

		private final Map<String, Object> endpoints;

		private boolean released;

		Lease(List<Shared> leased, Map<String, Object> endpoints) {
			this.leased = leased;
			this.endpoints = endpoints;
		}

		/** The properties that point the hub's clients at the services. */
		Map<String, Object> endpoints() {
			return this.endpoints;
		}

		synchronized void release() {
			if (!this.released) {
				this.released = true;
				LocalServices.release(this.leased);
			}
		}
	}
}
