package org.mufu.hub.content;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.TestPhotos.Photo;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upload whose reading dies of an Error (the heap running out while a file is decoded) leaves nothing behind:
 * no original, no record, no claim on its bytes; a presigned upload keeps its bytes so it can be completed again.
 */
class UploadErrorIT extends IntegrationTest {

	private static final Caller STAFF = new Caller("liuyang", Role.UPLOADER);

	@Autowired
	Uploads uploads;

	@Autowired
	AssetService assets;

	@Autowired
	ObjectStorage storage;

	@Autowired
	Records records;

	@Autowired
	DyingDecodes decodes;

	@Test
	void anUploadThatRunsOutOfMemoryLeavesNothingAndIsCompletedOnRetry() throws Exception {
		byte[] photo = TestPhotos.jpeg(Photo.captioned("浏阳河畔的花炮厂 " + RUN));
		UploadTicket ticket = Callers.as(STAFF,
				() -> this.uploads.requestUpload(STAFF, "fireworks.jpg", "image/jpeg", photo.length));
		int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ticket.url()))
			.header("Content-Type", "image/jpeg")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		assertThat(status).isEqualTo(200);
		String id = ticket.uploadId();
		this.decodes.dieOnce();

		assertThatThrownBy(() -> Callers.as(STAFF, () -> this.uploads.completeUpload(STAFF, id)))
			.isInstanceOf(OutOfMemoryError.class);

		assertThat(this.storage.exists(Records.original(id))).isFalse();
		assertThat(this.assets.find(id)).isEmpty();
		assertThat(this.storage.exists(Records.dedupe(STAFF.org(), sha256(photo)))).isFalse();
		assertThat(this.storage.exists(Records.incoming(id))).isTrue();
		Asset completed = Callers.as(STAFF, () -> this.uploads.completeUpload(STAFF, id)).asset();
		assertThat(completed.id()).isEqualTo(id);
		assertThat(this.storage.exists(Records.original(id))).isTrue();
	}

	@Test
	void anUploadThroughTheHubThatRunsOutOfMemoryLeavesNothing() throws Exception {
		byte[] photo = TestPhotos.jpeg(Photo.captioned("大围山的云海 " + RUN));
		this.decodes.dieOnce();

		assertThatThrownBy(() -> Callers.as(STAFF,
				() -> this.uploads.upload(STAFF, "clouds.jpg", new ByteArrayInputStream(photo))))
			.isInstanceOf(OutOfMemoryError.class);

		assertThat(this.storage.exists(Records.dedupe(STAFF.org(), sha256(photo)))).isFalse();
		// the same bytes again make an asset, not "already in the archive" pointing at nothing
		UploadResult again = Callers.as(STAFF,
				() -> this.uploads.upload(STAFF, "clouds.jpg", new ByteArrayInputStream(photo)));
		assertThat(again.duplicate()).isFalse();
		assertThat(this.assets.find(again.asset().id())).isPresent();
		assertThat(this.storage.exists(Records.original(again.asset().id()))).isTrue();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** Decodes as the hub does, except that the next one, when told, dies as a full heap would. */
	static class DyingDecodes extends Decodes {

		private final AtomicBoolean die = new AtomicBoolean();

		DyingDecodes(UploadProperties limits) {
			super(limits);
		}

		void dieOnce() {
			this.die.set(true);
		}

		@Override
		<T> T run(Supplier<T> work) {
			if (this.die.compareAndSet(true, false)) {
				throw new OutOfMemoryError("Java heap space (in a test)");
			}
			return super.run(work);
		}
	}

	@TestConfiguration
	static class Dying {

		@Bean
		@Primary
		DyingDecodes dyingDecodes(UploadProperties limits) {
			return new DyingDecodes(limits);
		}
	}
}
