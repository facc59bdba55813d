package org.mufu.hub.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server process the hub runs for itself, tracked by a pid file so that a later start finds it,
 * whether to reuse it or to clear it away.
 */
final class ServiceProcess {

	/*
	 * Children are started from one long-lived thread: the kernel's parent-death signal (setpriv
	 * --pdeathsig) fires when the thread that forked the child ends, not only when the JVM does.
	 */
	private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "local-services-spawner");
		thread.setDaemon(true);
		return thread;
	});

	private final String name;

	private final Path pidFile;

	private final String marker;

	private final ProcessHandle handle;

	private ServiceProcess(String name, Path pidFile, String marker, ProcessHandle handle) {
		this.name = name;
		this.pidFile = pidFile;
		this.marker = marker;
		this.handle = handle;
	}

	/**
	 * The process a previous start left behind for this pid file, if it is still alive and its command line
	 * carries the marker (a path inside this data directory); a stale pid file is removed.
	 */
	static Optional<ServiceProcess> findRunning(String name, Path pidFile, String marker) {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		Optional<ProcessHandle> handle = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(candidate -> commandLine(candidate.pid()).contains(marker));
		if (handle.isEmpty()) {
			deleteQuietly(pidFile);
		}
		return handle.map(found -> new ServiceProcess(name, pidFile, marker, found));
	}

	static ServiceProcess start(String name, List<String> command, Path workDir, Path logFile, Path pidFile,
			String marker, java.util.Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.PIPE);
		builder.environment().putAll(environment);
		Process process;
		try {
			process = SPAWNER.submit(builder::start).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new LocalServiceException(name + " could not be started: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalServiceException(name + " start was interrupted", ex);
		}
		catch (TimeoutException ex) {
			throw new LocalServiceException(name + " could not be started in time", ex);
		}
		try {
			Files.writeString(pidFile, Long.toString(process.pid()));
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new UncheckedIOException(ex);
		}
		return new ServiceProcess(name, pidFile, marker, process.toHandle());
	}

	boolean isAlive() {
		return this.handle.isAlive();
	}

	long pid() {
		return this.handle.pid();
	}

	/** Asks the process to stop, waits for it, and forces it if it does not. */
	void stop(Duration grace) {
		if (this.handle.isAlive()) {
			this.handle.destroy();
			try {
				this.handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				this.handle.destroyForcibly();
			}
			catch (InterruptedException ex) {
				this.handle.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		deleteQuietly(this.pidFile);
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", " + this.marker + ")";
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String commandLine(long pid) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a pid file that cannot be removed is checked again, and found stale, at the next start
		}
	}
}
