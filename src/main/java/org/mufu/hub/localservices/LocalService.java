package org.mufu.hub.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A server the hub runs for itself: found again if this data directory's instance is already up,
 * otherwise prepared, started and waited for.
 */
abstract class LocalService {

	private static final Log logger = LogFactory.getLog(LocalService.class);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	protected final Path dataDir;

	protected final int port;

	private ServiceProcess process;

	private boolean owned;

	/** Let go by every hub of this JVM: never started again by the watchdog. */
	private boolean stopped;

	LocalService(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** What this service is, for people: "Elasticsearch 8.19.21". */
	abstract String displayName();

	/** The URL clients use. */
	final String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Unpacks, configures and hands the service its files; called before each fresh start. */
	abstract void prepare() throws IOException;

	abstract List<String> command();

	abstract Map<String, String> environment();

	abstract Path workDir();

	abstract Path logFile();

	/** A path that only this data directory's instance has on its command line. */
	abstract String marker();

	/** Whether the server answers as it should; false while it is still starting. */
	abstract boolean isReady();

	final Path pidFile() {
		return this.dataDir.resolve("services").resolve(getClass().getSimpleName() + ".pid");
	}

	/** Reuses this data directory's running instance, or starts one, and waits until it answers. */
	final void ensureRunning(Duration timeout) {
		long started = System.nanoTime();
		if (reuseRunning(timeout)) {
			return;
		}
		if (portInUse()) {
			throw new LocalServiceException("Cannot start " + displayName() + ": port " + this.port
					+ " on 127.0.0.1 is already used by another program. Stop that program, or choose another port ("
					+ portSetting() + "), or point the hub at an existing server.");
		}
		try {
			Files.createDirectories(pidFile().getParent());
			Files.createDirectories(logFile().getParent());
			prepare();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + displayName() + " under " + this.dataDir, ex);
		}
		this.process = ServiceProcess.start(displayName(), command(), workDir(), logFile(), pidFile(), marker(),
				environment());
		this.owned = true;
		if (!awaitReady(this.process, timeout)) {
			String why = this.process.isAlive() ? "it did not answer within " + timeout.toSeconds() + " seconds"
					: "it exited";
			this.process.stop(Duration.ofSeconds(10));
			throw new LocalServiceException("Could not start " + displayName() + ": " + why + ". See " + logFile()
					+ " for its output.");
		}
		logger.info(displayName() + " at " + endpoint() + ": ready in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (pid " + this.process.pid()
				+ ", logs in " + logFile().getParent() + ")");
	}

	/* Whether an instance an earlier start left for this data directory answers and is now this hub's to use. */
	private boolean reuseRunning(Duration timeout) {
		Optional<ServiceProcess> existing = ServiceProcess.findRunning(displayName(), pidFile(), marker());
		if (existing.isEmpty()) {
			return false;
		}
		if (awaitReady(existing.get(), timeout)) {
			this.process = existing.get();
			this.owned = false;
			logger.info(displayName() + " at " + endpoint() + ": reused the instance already running for "
					+ this.dataDir + " (pid " + this.process.pid() + ")");
			return true;
		}
		logger.warn(displayName() + ": the instance left by an earlier start does not answer; stopping it");
		existing.get().stop(Duration.ofSeconds(20));
		return false;
	}

	/**
	 * Starts the service again when the process this hub started or reused has died (killed, or out of memory);
	 * whether it had to.
	 */
	final synchronized boolean restartIfDied(Duration timeout) {
		if (this.stopped || this.process == null || this.process.isAlive()) {
			return false;
		}
		logger.warn(displayName() + " at " + endpoint() + " (pid " + this.process.pid() + ") has stopped; starting it "
				+ "again");
		ensureRunning(timeout);
		return true;
	}

	/** The process id of the running instance, or -1. */
	final synchronized long pid() {
		return this.process != null ? this.process.pid() : -1;
	}

	/** Stops the service if this hub started it; an instance found running belongs to whoever started it. */
	final synchronized void stopIfOwned() {
		this.stopped = true;
		if (this.process != null && this.owned) {
			this.process.stop(Duration.ofSeconds(30));
			logger.info(displayName() + " at " + endpoint() + ": stopped");
		}
		this.process = null;
	}

	abstract String portSetting();

	private boolean awaitReady(ServiceProcess candidate, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!candidate.isAlive()) {
				return false;
			}
			if (isReady()) {
				return true;
			}
			try {
				Thread.sleep(250); // poll interval while the server starts, not a stand-in for readiness
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private boolean portInUse() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The HTTP status of a GET to this service, or -1 when it does not answer. */
	final int httpStatus(String path) {
		return httpGet(path).map(HttpResponse::statusCode).orElse(-1);
	}

	final Optional<HttpResponse<String>> httpGet(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + path))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}
}
