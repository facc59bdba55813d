package org.mufu.hub.localservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.system.ApplicationHome;

/**
 * Finds the server distributions the build took from Maven Central: beside the hub's classes or jar
 * ({@code target/local-services}), in a configured folder, or in the local Maven repository.
 */
final class Artifacts {

	static final String ELASTICSEARCH_VERSION = "8.19.21";

	static final String S3PROXY_VERSION = "4.1.0";

	private final Path configuredDir;

	Artifacts(Path configuredDir) {
		this.configuredDir = configuredDir;
	}

	Path elasticsearchZip() {
		return find("elasticsearch-" + ELASTICSEARCH_VERSION + ".zip",
				"org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + ELASTICSEARCH_VERSION);
	}

	Path s3proxyJar() {
		return find("s3proxy-" + S3PROXY_VERSION + "-jar-with-dependencies.jar", "org/gaul/s3proxy/" + S3PROXY_VERSION);
	}

	private Path find(String fileName, String repositoryFolder) {
		List<Path> candidates = new ArrayList<>();
		if (this.configuredDir != null) {
			candidates.add(this.configuredDir.resolve(fileName));
		}
		java.io.File source = new ApplicationHome(Artifacts.class).getSource();
		if (source != null && source.getParentFile() != null) {
			candidates.add(source.getParentFile().toPath().resolve("local-services").resolve(fileName));
		}
		String localRepository = System.getProperty("maven.repo.local",
				System.getProperty("user.home") + "/.m2/repository");
		candidates.add(Path.of(localRepository, repositoryFolder, fileName));
		return candidates.stream()
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new LocalServiceException("Cannot find " + fileName + " (looked in " + candidates
					+ "). Build the hub with ./mvnw package, which fetches it, or set hub.local.artifacts-dir."));
	}
}
