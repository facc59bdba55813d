package org.mufu.hub.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A storage server that accepts connections and never answers, against the default timeouts. */
class StorageTimeoutIT {

	private static final Duration WITHIN = Duration.ofSeconds(15);

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private ServerSocket hung;

	private ObjectStorage storage;

	@BeforeEach
	void startHungServer() throws IOException {
		this.hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.hung.isClosed()) {
				try {
					this.held.add(this.hung.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "hung-storage");
		acceptor.setDaemon(true);
		acceptor.start();
		StorageProperties properties = defaults("http://127.0.0.1:" + this.hung.getLocalPort());
		StorageConfiguration configuration = new StorageConfiguration();
		this.storage = new ObjectStorage(configuration.minioClient(properties),
				configuration.minioAsyncClient(properties), configuration.presignClient(properties), properties);
	}

	@AfterEach
	void stopHungServer() throws IOException {
		this.hung.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

	@Test
	void findFailsWithinSeconds() {
		long start = System.nanoTime();

		assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> this.storage.find("any"));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
	}

	@Test
	void statusIsDownWithinSeconds() {
		long start = System.nanoTime();

		assertThat(this.storage.status().up()).isFalse();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
	}

	/** The properties as the hub binds them, so the timeouts are the shipped defaults. */
	private static StorageProperties defaults(String endpoint) {
		Map<String, String> settings = Map.of("hub.storage.endpoint", endpoint, "hub.storage.access-key", "hung",
				"hub.storage.secret-key", "hung-secret");
		return new Binder(new MapConfigurationPropertySource(settings)).bind("hub.storage", StorageProperties.class)
			.get();
	}
}
