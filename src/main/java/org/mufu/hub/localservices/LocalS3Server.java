package org.mufu.hub.localservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** S3Proxy with its filesystem backend: an S3 API over a folder of the data directory. */
final class LocalS3Server extends LocalService {

	private final Path jar;

	private final String heap;

	private final String accessKey;

	private final String secretKey;

	LocalS3Server(Path dataDir, int port, String heap, Path jar, String accessKey, String secretKey) {
		super(dataDir, port);
		this.jar = jar;
		this.heap = heap;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	@Override
	String displayName() {
		return "S3 storage (S3Proxy " + Artifacts.S3PROXY_VERSION + ")";
	}

	@Override
	String portSetting() {
		return "hub.local.s3.port or HUB_LOCAL_S3_PORT";
	}

	private Path properties() {
		return this.dataDir.resolve("services").resolve("s3proxy.properties");
	}

	@Override
	Path workDir() {
		return this.dataDir;
	}

	@Override
	Path logFile() {
		return this.dataDir.resolve("logs").resolve("s3proxy.log");
	}

	@Override
	String marker() {
		return properties().toString();
	}

	@Override
	void prepare() throws IOException {
		Path objects = this.dataDir.resolve("objects");
		Files.createDirectories(objects);
		Files.writeString(properties(), String.join("\n", "# written by the hub at each start of its local S3 server",
				"s3proxy.endpoint=" + endpoint(), "s3proxy.authorization=aws-v2-or-v4",
				"s3proxy.identity=" + this.accessKey, "s3proxy.credential=" + this.secretKey,
				// browsers put presigned uploads straight to storage
				"s3proxy.cors-allow-all=true", "s3proxy.ignore-unknown-headers=true",
				"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + objects, ""));
	}

	@Override
	List<String> command() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return Unprivileged.sameUser(List.of(java, "-Xmx" + this.heap, "-jar", this.jar.toString(), "--properties",
				properties().toString()));
	}

	@Override
	Map<String, String> environment() {
		return Map.of();
	}

	@Override
	boolean isReady() {
		return httpStatus("/") > 0;
	}
}
