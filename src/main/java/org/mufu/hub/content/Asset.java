package org.mufu.hub.content;

import java.time.Instant;
import java.util.List;

import org.mufu.hub.PlainText;
import org.mufu.hub.metadata.Camera;
import org.mufu.hub.metadata.GeoPoint;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.metadata.MediaMetadata;

/**
 * One stored file and what the hub read from it. Kept as JSON beside the file in storage; the index holds
 * a copy. {@code duplicate} says, in an upload's answer only, that the member had uploaded these bytes before.
 */
public record Asset(String id, String owner, String filename, String contentType, long byteSize, String sha256,
		MediaKind kind, Integer width, Integer height, Integer orientation, Integer displayWidth,
		Integer displayHeight, String takenAt, Camera camera, GeoPoint location, String caption,
		List<String> keywords, String creator, String copyright, String title, String colorSpace,
		Double durationSeconds, Double frameRate, String videoCodec, Instant createdAt, String createdBy,
		boolean duplicate, Double focalX, Double focalY, String phash) {

	static Asset of(String id, String owner, String filename, String contentType, long byteSize, String sha256,
			MediaKind kind, MediaMetadata m, String createdBy, String phash) {
		// what a file says of itself is text, as what people type is
		List<String> keywords = m.keywords() == null ? null
				: m.keywords().stream().map(PlainText::line).filter(k -> k != null && !k.isEmpty()).toList();
		return new Asset(id, owner, PlainText.line(filename), contentType, byteSize, sha256, kind, m.width(), m.height(),
				m.orientation(), m.displayWidth(), m.displayHeight(), m.takenAt(), m.camera(), m.location(),
				PlainText.text(m.caption()), keywords, PlainText.line(m.creator()), PlainText.line(m.copyright()),
				PlainText.line(m.title()), m.colorSpace(), m.durationSeconds(),
				m.frameRate(), m.videoCodec(), Instant.now(), createdBy, false, null, null, phash);
	}

	Asset asDuplicate() {
		return new Asset(this.id, this.owner, this.filename, this.contentType, this.byteSize, this.sha256, this.kind,
				this.width, this.height, this.orientation, this.displayWidth, this.displayHeight, this.takenAt,
				this.camera, this.location, this.caption, this.keywords, this.creator, this.copyright, this.title,
				this.colorSpace, this.durationSeconds, this.frameRate, this.videoCodec, this.createdAt, this.createdBy,
				true, this.focalX, this.focalY, this.phash);
	}

	/** The asset with the point crops keep in frame, normalised 0..1 over the picture as shown. */
	public Asset withFocalPoint(double x, double y) {
		return new Asset(this.id, this.owner, this.filename, this.contentType, this.byteSize, this.sha256, this.kind,
				this.width, this.height, this.orientation, this.displayWidth, this.displayHeight, this.takenAt,
				this.camera, this.location, this.caption, this.keywords, this.creator, this.copyright, this.title,
				this.colorSpace, this.durationSeconds, this.frameRate, this.videoCodec, this.createdAt, this.createdBy,
				false, x, y, this.phash);
	}

	/** The focal point, the centre unless an editor set one. */
	public double focusX() {
		return this.focalX != null ? this.focalX : 0.5;
	}

	public double focusY() {
		return this.focalY != null ? this.focalY : 0.5;
	}
}
