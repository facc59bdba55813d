package org.mufu.hub.localservices;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The lifecycle every local service follows, shown on the S3 server because it starts in seconds. */
class LocalS3ServerIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dataDir;

	private LocalS3Server first;

	@AfterEach
	void stop() {
		if (this.first != null) {
			this.first.stopIfOwned();
		}
	}

	@Test
	void secondStartReusesTheRunningInstanceAndLeavesItRunning() throws IOException {
		int port = freePort();
		this.first = server(this.dataDir, port);
		this.first.ensureRunning(TIMEOUT);
		String pid = Files.readString(this.first.pidFile());

		LocalS3Server second = server(this.dataDir, port);
		second.ensureRunning(TIMEOUT);
		second.stopIfOwned();

		assertThat(Files.readString(second.pidFile())).isEqualTo(pid);
		assertThat(ProcessHandle.of(Long.parseLong(pid))).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
		assertThat(this.first.isReady()).isTrue();
	}

	@Test
	void stopEndsTheProcessAndRemovesThePidFile() {
		this.first = server(this.dataDir, freePort());
		this.first.ensureRunning(TIMEOUT);
		long pid = Long.parseLong(read(this.first.pidFile()));

		this.first.stopIfOwned();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.first.pidFile()).doesNotExist();
	}

	@Test
	void stalePidFileOfADeadProcessIsClearedAndTheServiceStarts() throws IOException {
		this.first = server(this.dataDir, freePort());
		Files.createDirectories(this.first.pidFile().getParent());
		Files.writeString(this.first.pidFile(), "999999");

		this.first.ensureRunning(TIMEOUT);

		assertThat(read(this.first.pidFile())).isNotEqualTo("999999");
		assertThat(this.first.isReady()).isTrue();
	}

	@Test
	void portTakenByAnotherProgramGivesAClearError() throws IOException {
		try (ServerSocket other = new ServerSocket(0)) {
			this.first = server(this.dataDir, other.getLocalPort());

			assertThatExceptionOfType(LocalServiceException.class).isThrownBy(() -> this.first.ensureRunning(TIMEOUT))
				.withMessageContaining("port " + other.getLocalPort())
				.withMessageContaining("already used by another program");
		}
		assertThat(this.first.pidFile()).doesNotExist();
	}

	private static LocalS3Server server(Path dataDir, int port) {
		return new LocalS3Server(dataDir, port, "128m", new Artifacts(null).s3proxyJar(), "minioadmin", "minioadmin");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
