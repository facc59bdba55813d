package org.mufu.hub.localservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

	@TempDir
	Path dir;

	@Test
	void pidFileOfAProcessThatIsNotOursIsStaleAndRemoved() throws IOException {
		Path pidFile = this.dir.resolve("service.pid");
		Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

		assertThat(ServiceProcess.findRunning("test", pidFile, "/no/such/data/dir")).isEmpty();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void liveProcessCarryingTheMarkerIsFound() throws IOException {
		Path pidFile = this.dir.resolve("service.pid");
		Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
		String marker = ProcessHandle.current().info().command().orElseThrow();

		assertThat(ServiceProcess.findRunning("test", pidFile, marker)).hasValueSatisfying(
				found -> assertThat(found.pid()).isEqualTo(ProcessHandle.current().pid()));
	}

	@Test
	void unreadablePidFileIsRemoved() throws IOException {
		Path pidFile = this.dir.resolve("service.pid");
		Files.writeString(pidFile, "not a pid");

		assertThat(ServiceProcess.findRunning("test", pidFile, "x")).isEmpty();
		assertThat(pidFile).doesNotExist();
	}
}
