package org.mufu.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.mufu.hub.content.UploadResult;
import org.mufu.hub.content.Uploads;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.security.TokenService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: one hub on real local Elasticsearch and S3 servers, started once per test
 * JVM under {@code target/it-data}, with a bucket and index names of this run's own and the demo archive
 * loaded into them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

	protected static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);

	protected static final String DATA_DIR = "target/it-data";

	@Autowired
	protected HttpGraphQlTester graphQlTester;

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected TokenService tokens;

	/** GraphQL clients by kind of caller: {@code testers.uploader("tongcheng")}, {@code testers.admin()}. */
	protected Testers testers;

	@Autowired
	private Uploads hubUploads;

	@Autowired
	void testers(HttpGraphQlTester graphQl, TokenService tokens) {
		this.testers = new Testers(graphQl, tokens);
	}

	@DynamicPropertySource
	static void hubProperties(DynamicPropertyRegistry registry) {
		registry.add("hub.data-dir", () -> DATA_DIR);
		registry.add("hub.local.elasticsearch.port", () -> "0");
		registry.add("hub.local.s3.port", () -> "0");
		registry.add("hub.storage.bucket", () -> RUN);
		registry.add("hub.index.prefix", () -> RUN + "-");
		registry.add("hub.security.log-demo-tokens", () -> "false");
		// every test client is one address sending as fast as it can; the limits are tested on their own
		registry.add("hub.rate-limit.enabled", () -> "false");
		// a fourth channel, by configuration alone: a county website that takes articles and promotions
		registry.add("hub.channels.[WEBSITE].label", () -> "County website");
		registry.add("hub.channels.[WEBSITE].kinds", () -> "ARTICLE,PROMO");
	}

	/**
	 * The integration tests' one way to have a file uploaded: the member's staff sends it through the hub, as
	 * {@code POST /api/uploads} does (UploadIT tests that endpoint itself).
	 */
	protected UploadResult uploadAs(String org, String filename, byte[] bytes) {
		Caller staff = new Caller(org, Role.UPLOADER);
		return Callers.as(staff, () -> this.hubUploads.upload(staff, filename, new ByteArrayInputStream(bytes)));
	}

	/** The id of the asset a member's staff uploaded (see {@link #uploadAs}). */
	protected String uploaded(String org, String filename, byte[] bytes) {
		return uploadAs(org, filename, bytes).asset().id();
	}

	protected WebTestClient webAs(String org, Role role) {
		return this.web.mutate().defaultHeader("Authorization", "Bearer " + this.tokens.issue(org, role)).build();
	}

	/** Bytes of a file in media-samples. */
	protected static byte[] sample(String path) {
		try {
			return Files.readAllBytes(Path.of("media-samples", path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A sample JPEG made unique by a comment segment, so it is not a duplicate of any earlier upload. */
	protected static byte[] uniqueJpeg(String path) {
		byte[] jpeg = sample(path);
		byte[] comment = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] unique = new byte[jpeg.length + comment.length + 4];
		System.arraycopy(jpeg, 0, unique, 0, 2);
		unique[2] = (byte) 0xFF;
		unique[3] = (byte) 0xFE;
		unique[4] = (byte) ((comment.length + 2) >> 8);
		unique[5] = (byte) (comment.length + 2);
		System.arraycopy(comment, 0, unique, 6, comment.length);
		System.arraycopy(jpeg, 2, unique, 6 + comment.length, jpeg.length - 2);
		return unique;
	}

	protected static void assertClassified(List<ResponseError> errors, ErrorKind kind) {
		assertThat(errors).hasSize(1);
		assertThat(String.valueOf(errors.get(0).getErrorType())).isEqualTo(kind.name());
		assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
	}
}
