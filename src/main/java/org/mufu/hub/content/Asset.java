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
 * a copy. {@code credit} is the line that travels with the file wherever it is used; {@code shareable} is the owner's
 * word that other members may use it in their items. {@code revision} counts the changes made to the record since
 * the upload (see AssetService#revise).
 */
public record Asset(String id, String owner, String filename, String contentType, long byteSize, String sha256,
		MediaKind kind, Integer width, Integer height, Integer orientation, Integer displayWidth, Integer displayHeight,
		String takenAt, Camera camera, GeoPoint location, String caption, List<String> keywords, String creator, String
		copyright, String title, String colorSpace, Double durationSeconds, Double frameRate, String videoCodec, Instant
		createdAt, String createdBy, Double focalX, Double focalY, String phash, String credit, boolean
		shareable, int revision) {

	public Asset {
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
	}

	static Asset of(String id, String owner, String filename, String contentType, long byteSize, String sha256,
			MediaKind kind, MediaMetadata m, String createdBy, String phash) {
		// what a file says of itself is text, as what people type is
		List<String> keywords = m.keywords() == null ? null
				: m.keywords().stream().map(PlainText::line).filter(k -> k != null && !k.isEmpty()).toList();
		return builder().id(id)
			.owner(owner)
			.filename(PlainText.line(filename))
			.contentType(contentType)
			.byteSize(byteSize)
			.sha256(sha256)
			.kind(kind)
			.width(m.width())
			.height(m.height())
			.orientation(m.orientation())
			.displayWidth(m.displayWidth())
			.displayHeight(m.displayHeight())
			.takenAt(m.takenAt())
			.camera(m.camera())
			.location(m.location())
			.caption(PlainText.text(m.caption()))
			.keywords(keywords)
			.creator(PlainText.line(m.creator()))
			.copyright(PlainText.line(m.copyright()))
			.title(PlainText.line(m.title()))
			.colorSpace(m.colorSpace())
			.durationSeconds(m.durationSeconds())
			.frameRate(m.frameRate())
			.videoCodec(m.videoCodec())
			.createdAt(Instant.now())
			.createdBy(createdBy)
			.phash(phash)
			.build();
	}

	static Builder builder() {
		return new Builder();
	}

	/** The asset with some fields changed: the one place an asset record is assembled from parts. */
	Builder toBuilder() {
		Builder builder = new Builder();
		builder.id = this.id;
		builder.owner = this.owner;
		builder.filename = this.filename;
		builder.contentType = this.contentType;
		builder.byteSize = this.byteSize;
		builder.sha256 = this.sha256;
		builder.kind = this.kind;
		builder.width = this.width;
		builder.height = this.height;
		builder.orientation = this.orientation;
		builder.displayWidth = this.displayWidth;
		builder.displayHeight = this.displayHeight;
		builder.takenAt = this.takenAt;
		builder.camera = this.camera;
		builder.location = this.location;
		builder.caption = this.caption;
		builder.keywords = this.keywords;
		builder.creator = this.creator;
		builder.copyright = this.copyright;
		builder.title = this.title;
		builder.colorSpace = this.colorSpace;
		builder.durationSeconds = this.durationSeconds;
		builder.frameRate = this.frameRate;
		builder.videoCodec = this.videoCodec;
		builder.createdAt = this.createdAt;
		builder.createdBy = this.createdBy;
		builder.focalX = this.focalX;
		builder.focalY = this.focalY;
		builder.phash = this.phash;
		builder.credit = this.credit;
		builder.shareable = this.shareable;
		builder.revision = this.revision;
		return builder;
	}

	/** The asset with the point crops keep in frame, normalised 0..1 over the picture as shown. */
	public Asset withFocalPoint(double x, double y) {
		return toBuilder().focalX(x).focalY(y).build();
	}

	/** The focal point, the centre unless an editor set one. */
	public double focusX() {
		return this.focalX != null ? this.focalX : 0.5;
	}

	public double focusY() {
		return this.focalY != null ? this.focalY : 0.5;
	}

	/** The credit that travels with the file: the owner's own line, else what the file says of its maker. */
	public String creditLine() {
		if (this.credit != null && !this.credit.isBlank()) {
			return this.credit;
		}
		if (this.creator != null && this.copyright != null && !this.copyright.contains(this.creator)) {
			return this.creator + " / " + this.copyright;
		}
		return this.creator != null ? this.creator : this.copyright;
	}

	/** Assembles an asset record field by field. */
	static final class Builder {

		private String id;

		private String owner;

		private String filename;

		private String contentType;

		private long byteSize;

		private String sha256;

		private MediaKind kind;

		private Integer width;

		private Integer height;

		private Integer orientation;

		private Integer displayWidth;

		private Integer displayHeight;

		private String takenAt;

		private Camera camera;

		private GeoPoint location;

		private String caption;

		private List<String> keywords;

		private String creator;

		private String copyright;

		private String title;

		private String colorSpace;

		private Double durationSeconds;

		private Double frameRate;

		private String videoCodec;

		private Instant createdAt;

		private String createdBy;

		private Double focalX;

		private Double focalY;

		private String phash;

		private String credit;

		private boolean shareable;

		private int revision;

		Builder id(String id) {
			this.id = id;
			return this;
		}

		Builder owner(String owner) {
			this.owner = owner;
			return this;
		}

		Builder filename(String filename) {
			this.filename = filename;
			return this;
		}

		Builder contentType(String contentType) {
			this.contentType = contentType;
			return this;
		}

		Builder byteSize(long byteSize) {
			this.byteSize = byteSize;
			return this;
		}

		Builder sha256(String sha256) {
			this.sha256 = sha256;
			return this;
		}

		Builder kind(MediaKind kind) {
			this.kind = kind;
			return this;
		}

		Builder width(Integer width) {
			this.width = width;
			return this;
		}

		Builder height(Integer height) {
			this.height = height;
			return this;
		}

		Builder orientation(Integer orientation) {
			this.orientation = orientation;
			return this;
		}

		Builder displayWidth(Integer displayWidth) {
			this.displayWidth = displayWidth;
			return this;
		}

		Builder displayHeight(Integer displayHeight) {
			this.displayHeight = displayHeight;
			return this;
		}

		Builder takenAt(String takenAt) {
			this.takenAt = takenAt;
			return this;
		}

		Builder camera(Camera camera) {
			this.camera = camera;
			return this;
		}

		Builder location(GeoPoint location) {
			this.location = location;
			return this;
		}

		Builder caption(String caption) {
			this.caption = caption;
			return this;
		}

		Builder keywords(List<String> keywords) {
			this.keywords = keywords;
			return this;
		}

		Builder creator(String creator) {
			this.creator = creator;
			return this;
		}

		Builder copyright(String copyright) {
			this.copyright = copyright;
			return this;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder colorSpace(String colorSpace) {
			this.colorSpace = colorSpace;
			return this;
		}

		Builder durationSeconds(Double durationSeconds) {
			this.durationSeconds = durationSeconds;
			return this;
		}

		Builder frameRate(Double frameRate) {
			this.frameRate = frameRate;
			return this;
		}

		Builder videoCodec(String videoCodec) {
			this.videoCodec = videoCodec;
			return this;
		}

		Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		Builder createdBy(String createdBy) {
			this.createdBy = createdBy;
			return this;
		}

		Builder focalX(Double focalX) {
			this.focalX = focalX;
			return this;
		}

		Builder focalY(Double focalY) {
			this.focalY = focalY;
			return this;
		}

		Builder phash(String phash) {
			this.phash = phash;
			return this;
		}

		Builder credit(String credit) {
			this.credit = credit;
			return this;
		}

		Builder shareable(boolean shareable) {
			this.shareable = shareable;
			return this;
		}

		Builder revision(int revision) {
			this.revision = revision;
			return this;
		}

		Asset build() {
			return new Asset(this.id, this.owner, this.filename, this.contentType, this.byteSize, this.sha256,
					this.kind, this.width, this.height, this.orientation, this.displayWidth, this.displayHeight,
					this.takenAt, this.camera, this.location, this.caption, this.keywords, this.creator, this.copyright,
					this.title, this.colorSpace, this.durationSeconds, this.frameRate, this.videoCodec, this.createdAt,
					this.createdBy, this.focalX, this.focalY, this.phash, this.credit, this.shareable,
					this.revision);
		}
	}
}
