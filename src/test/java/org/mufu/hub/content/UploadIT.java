package org.mufu.hub.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.Multipart;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UploadIT extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	ContentIndex index;

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void photoUploadedThroughTheHubCarriesItsMetadata() {
		Answer answer = upload("liuyang", "dawei-mountain-dawn.jpg", sample("photos/dawei-mountain-dawn.jpg"));
		assertThat(answer.status()).isEqualTo(200);
		Map<String, Object> asset = answer.body();

		assertThat(asset).containsEntry("kind", "IMAGE").containsEntry("contentType", "image/jpeg")
			.containsEntry("width", 2000).containsEntry("height", 1500).containsEntry("orientation", 6)
			.containsEntry("displayWidth", 1500).containsEntry("displayHeight", 2000)
			.containsEntry("takenAt", "2025-10-03T05:58:41+08:00")
			.containsEntry("caption", "浏阳大围山七星岭上的日出，手机竖拍。").containsEntry("creator", "陈静")
			.containsEntry("copyright", "© 浏阳市融媒体中心").containsEntry("title", "大围山日出")
			.containsEntry("sha256", sha256(sample("photos/dawei-mountain-dawn.jpg")));
		assertThat(asset.get("keywords")).asList().containsExactly("大围山", "日出");
		assertThat(asset.get("camera")).isEqualTo(Map.of("make", "HUAWEI", "model", "Mate 60"));
		@SuppressWarnings("unchecked")
		Map<String, Number> location = (Map<String, Number>) asset.get("location");
		assertThat(location.get("latitude").doubleValue()).isCloseTo(28.4230, within(1e-4));
		assertThat(location.get("longitude").doubleValue()).isCloseTo(114.0820, within(1e-4));
		assertThat(location.get("altitude").doubleValue()).isCloseTo(1607, within(0.5));
	}

	@Test
	void southAndWestComeOutNegative() throws Exception {
		byte[] photo = withGps(sample("photos/pingjiang-jianggan.jpg"), -33.4569, -70.6483);

		Answer answer = upload("xiushui", "santiago.jpg", photo);

		assertThat(answer.status()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Number> location = (Map<String, Number>) answer.body().get("location");
		assertThat(location.get("latitude").doubleValue()).isCloseTo(-33.4569, within(1e-4));
		assertThat(location.get("longitude").doubleValue()).isCloseTo(-70.6483, within(1e-4));
	}

	@Test
	void sameBytesTwiceStoreOneObject() throws Exception {
		byte[] photo = withGps(sample("photos/g106-road-trip.jpg"), 29.06, 113.73);
		assertThat(upload("tongcheng", "g106.jpg", photo).body()).containsEntry("duplicate", false);
		List<String> objects = records();
		long indexed = this.index.countAssets();

		Answer again = upload("tongcheng", "g106-again.jpg", photo);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).containsEntry("duplicate", true).containsEntry("filename", "g106.jpg");
		assertThat(records()).isEqualTo(objects);
		assertThat(this.index.countAssets()).isEqualTo(indexed);
	}

	@Test
	void malformedAndHostileFilesAreRefusedAndLeaveNothingBehind() {
		List<String> objects = records();
		long indexed = this.index.countAssets();

		Hostile.cases(sample("photos/huangpao-azaleas.jpg"), sample("videos/liuyang-river-night.mp4"),
				sample("posters/liuyang-fireworks-festival.pdf")).values().forEach(hostile -> {
			Answer answer = upload("pingjiang", hostile.filename(), hostile.bytes());

			assertThat(answer.status()).as(hostile.filename()).isEqualTo(hostile.expected().status().value());
			assertThat(answer.body()).as(hostile.filename()).containsEntry("error", hostile.expected().name());
			assertThat((String) answer.body().get("message")).isNotBlank().doesNotContain("Exception");
		});

		assertThat(records()).isEqualTo(objects);
		assertThat(this.index.countAssets()).isEqualTo(indexed);
	}

	@Test
	void presignedUploadEndsInTheSameAsset() throws Exception {
		byte[] clip = sample("videos/mufu-summit-vertical.mp4");
		String ticket = "requestUpload";
		var response = this.testers.uploader("pingjiang").documentName(ticket)
			.variable("input", Map.of("filename", "mufu-vertical.mp4", "contentType", "video/mp4", "byteSize", clip.length))
			.execute();
		String uploadId = response.path("requestUpload.uploadId").entity(String.class).get();
		String url = response.path("requestUpload.url").entity(String.class).get();
		response.path("requestUpload.method").entity(String.class).isEqualTo("PUT");

		HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "video/mp4")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(clip))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).isEqualTo(200);

		String assetId = this.testers.uploader("pingjiang").documentName("completeUpload").variable("uploadId", uploadId)
			.execute()
			.path("completeUpload.kind").entity(String.class).isEqualTo("VIDEO")
			.path("completeUpload.sha256").entity(String.class).isEqualTo(sha256(clip))
			.path("completeUpload.byteSize").entity(Long.class).isEqualTo((long) clip.length)
			.path("completeUpload.width").entity(Integer.class).isEqualTo(360)
			.path("completeUpload.owner.id").entity(String.class).isEqualTo("pingjiang")
			.path("completeUpload.id").entity(String.class).get();
		assertThat(this.storage.exists("incoming/" + uploadId)).isFalse();
		this.testers.uploader("pingjiang").documentName("completeUpload").variable("uploadId", uploadId)
			.execute()
			.path("completeUpload.id").entity(String.class).isEqualTo(assetId);
	}

	@Test
	void presignedUploadOfTextIsRefusedAndRemoved() throws Exception {
		byte[] text = "<html>not a video</html>".getBytes();
		var response = this.testers.uploader("liuyang").documentName("requestUpload")
			.variable("input", Map.of("filename", "clip.mp4", "byteSize", text.length))
			.execute();
		String uploadId = response.path("requestUpload.uploadId").entity(String.class).get();
		HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				response.path("requestUpload.url").entity(String.class).get()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(text)).build(), HttpResponse.BodyHandlers.discarding());
		int objects = this.storage.list("assets/").size();

		this.testers.uploader("liuyang").documentName("completeUpload").variable("uploadId", uploadId)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, org.mufu.hub.ErrorKind.UNSUPPORTED_MEDIA));

		assertThat(this.storage.exists("incoming/" + uploadId)).isFalse();
		assertThat(this.storage.list("assets/")).hasSize(objects);
		this.testers.uploader("liuyang").documentName("completeUpload").variable("uploadId", uploadId)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, org.mufu.hub.ErrorKind.UNSUPPORTED_MEDIA));
	}

	@Test
	void anotherMemberCannotCompleteMyUpload() {
		String uploadId = this.testers.uploader("liuyang").documentName("requestUpload")
			.variable("input", Map.of("filename", "a.jpg", "byteSize", 10))
			.execute()
			.path("requestUpload.uploadId").entity(String.class).get();

		this.testers.uploader("xiushui").documentName("completeUpload").variable("uploadId", uploadId)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, org.mufu.hub.ErrorKind.FORBIDDEN));
	}

	/** Posts a multipart form as a browser or curl does, with the file in the field "file". */
	private Answer upload(String org, String filename, byte[] bytes) {
		try {
			HttpResponse<String> response = Multipart.post(this.port, this.tokens.issue(org, Role.UPLOADER), filename,
					bytes);
			return new Answer(response.statusCode(), this.json.readValue(response.body(), Map.class));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, Map<String, Object> body) {
	}

	/** The photo with its GPS position replaced, written with Commons Imaging's lossless EXIF rewriter. */
	private static byte[] withGps(byte[] jpeg, double latitude, double longitude) throws Exception {
		TiffOutputSet exif = ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif().getOutputSet();
		exif.setGpsInDegrees(longitude, latitude);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
		return out.toByteArray();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/* Every object but the hub's own housekeeping (its log, leases and checkpoint), which moves on by itself. */
	private List<String> records() {
		return this.storage.list("")
			.stream()
			.filter(key -> !key.startsWith("log/") && !key.startsWith("leases/") && !key.startsWith("index/")
					&& !key.startsWith("stats/"))
			.sorted()
			.toList();
	}
}
