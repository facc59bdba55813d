package org.mufu.hub.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A single-node Elasticsearch on 127.0.0.1 with security off, its index and logs kept in the data
 * directory.
 */
final class LocalElasticsearch extends LocalService {

	private final Path zip;

	private final String heap;

	private final boolean asNobody = Unprivileged.runningAsRoot();

	LocalElasticsearch(Path dataDir, int port, String heap, Path zip) {
		super(dataDir, port);
		this.zip = zip;
		this.heap = heap;
	}

	@Override
	String displayName() {
		return "Elasticsearch " + Artifacts.ELASTICSEARCH_VERSION;
	}

	@Override
	String portSetting() {
		return "hub.local.elasticsearch.port or HUB_LOCAL_ELASTICSEARCH_PORT";
	}

	private Path home() {
		return this.dataDir.resolve("services").resolve("elasticsearch-" + Artifacts.ELASTICSEARCH_VERSION);
	}

	private Path own() {
		return this.dataDir.resolve("elasticsearch");
	}

	/** A path in the data directory as the server sees it. */
	private Path seen(Path path) {
		return this.asNobody ? Unprivileged.view(this.dataDir).resolve(this.dataDir.relativize(path)) : path;
	}

	@Override
	Path workDir() {
		return logFile().getParent();
	}

	@Override
	Path logFile() {
		return this.dataDir.resolve("logs").resolve("elasticsearch").resolve("console.log");
	}

	@Override
	String marker() {
		return seen(home()).toString();
	}

	@Override
	void prepare() throws IOException {
		if (!Files.exists(home().resolve(".unpacked"))) {
			unpack();
		}
		Path config = own().resolve("config");
		Files.createDirectories(config);
		Files.createDirectories(own().resolve("data"));
		Files.createDirectories(own().resolve("tmp"));
		for (String file : List.of("jvm.options", "log4j2.properties")) {
			Path target = config.resolve(file);
			if (!Files.exists(target)) {
				Files.copy(home().resolve("config").resolve(file), target);
			}
		}
		Files.createDirectories(config.resolve("jvm.options.d"));
		Files.writeString(config.resolve("elasticsearch.yml"), settings());
		if (this.asNobody) {
			Unprivileged.handOver(own(), logFile().getParent());
		}
	}

	private String settings() {
		return String.join("\n", "# written by the hub at each start of its local Elasticsearch",
				"cluster.name: mufu-hub", "node.name: mufu-hub-local",
				"path.data: " + seen(own().resolve("data")),
				"path.logs: " + seen(logFile().getParent()), "network.host: 127.0.0.1", "http.port: " + this.port,
				"discovery.type: single-node", "xpack.security.enabled: false",
				// a write to a deleted alias must fail, not create an index with guessed mappings
				"action.auto_create_index: false",
				// a nearly full disk must not turn the hub's indices read-only on a laptop
				"cluster.routing.allocation.disk.threshold_enabled: false", "");
	}

	private void unpack() throws IOException {
		Path target = home();
		Path staging = target.resolveSibling(target.getFileName() + ".partial");
		deleteTree(staging);
		try (ZipFile archive = new ZipFile(this.zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = archive.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
				Path path = staging.resolve(name).normalize();
				if (!path.startsWith(staging)) {
					throw new IOException("unexpected entry " + entry.getName() + " in " + this.zip);
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
				}
				if (name.startsWith("bin/")) {
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
		deleteTree(target);
		Files.move(staging, target);
		Files.writeString(target.resolve(".unpacked"), this.zip.toString());
	}

	@Override
	List<String> command() {
		List<String> command = new ArrayList<>(List.of(seen(home()).resolve("bin").resolve("elasticsearch").toString()));
		try {
			return this.asNobody ? Unprivileged.command(this.dataDir, command) : Unprivileged.sameUser(command);
		}
		catch (IOException ex) {
			throw new LocalServiceException("Cannot prepare the view of " + this.dataDir + " for Elasticsearch", ex);
		}
	}

	@Override
	Map<String, String> environment() {
		return Map.of("ES_JAVA_HOME", System.getProperty("java.home"), "ES_PATH_CONF",
				seen(own().resolve("config")).toString(), "ES_TMPDIR", seen(own().resolve("tmp")).toString(),
				"ES_JAVA_OPTS", "-Xms" + this.heap + " -Xmx" + this.heap, "JAVA_HOME", "");
	}

	@Override
	boolean isReady() {
		return httpStatus("/_cluster/health?wait_for_status=yellow&timeout=1s") == 200;
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
				Files.delete(path);
			}
		}
	}
}
