package org.mufu.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** compose.yaml ships no secret and publishes nothing but the hub (and S3 on loopback, for presigned URLs). */
class ComposeFileTest {

	private static final List<String> SECRETS = List.of("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD",
			"HUB_STORAGE_ACCESS_KEY", "HUB_STORAGE_SECRET_KEY", "HUB_SECURITY_TOKEN_SECRET");

	@Test
	void everySecretComesFromTheEnvironmentAndIsRequired() throws IOException {
		String text = Files.readString(Path.of("compose.yaml"));

		assertThat(text).doesNotContain("minioadmin").doesNotContain("change-me");
		services().forEach((name, service) -> {
			Map<String, Object> environment = map(service.get("environment"));
			environment.forEach((variable, value) -> {
				if (SECRETS.contains(variable)) {
					assertThat(String.valueOf(value)).as(name + " " + variable).matches("\\$\\{[A-Z_]+:\\?.+}");
				}
			});
		});
	}

	@Test
	void theHubUsesAStorageUserOfItsOwnNotMinioRoot() throws IOException {
		Map<String, Object> hub = map(services().get("hub").get("environment"));

		assertThat(String.valueOf(hub.get("HUB_STORAGE_ACCESS_KEY"))).contains("${HUB_STORAGE_ACCESS_KEY:?");
		assertThat(hub.values()).noneMatch(value -> String.valueOf(value).contains("MINIO_ROOT"));
		assertThat(String.join("\n", list(services().get("storage-setup").get("command"))))
			.contains("mc admin user add store \"$$HUB_STORAGE_ACCESS_KEY\"", "arn:aws:s3:::mufu-hub/*");
	}

	@Test
	void onlyTheHubIsPublishedAndStorageOnLoopback() throws IOException {
		Map<String, Map<String, Object>> services = services();

		assertThat(services.get("elasticsearch")).doesNotContainKey("ports");
		assertThat(list(services.get("minio").get("ports"))).allSatisfy(port -> assertThat(port)
			.startsWith("127.0.0.1:")
			.doesNotContain("9001"));
		assertThat(list(services.get("hub").get("ports"))).containsExactly("8080:8080");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return value == null ? List.of() : (List<String>) value;
	}
}
