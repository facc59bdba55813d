package org.mufu.hub.metadata;

import org.mufu.hub.KeyedException;

/** A file the readers cannot or will not read: something the uploader can act on, never the hub's own failure. */
public class MediaRefusedException extends KeyedException {

	/** Why the file is refused. */
	public enum Reason {

		/** The file breaks its own format, or is cut off. */
		DAMAGED,

		/** The file is well-formed but asks for more work or memory than the hub gives one file. */
		TOO_COMPLEX,

		/** The picture has more pixels, or longer sides, than the hub decodes. */
		TOO_LARGE

	}

	private final Reason reason;

	private MediaRefusedException(Reason reason, Throwable cause, String key, Object... args) {
		super(cause, key, args);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** A picture that breaks its own format: chunks that do not add up, fields beyond their segment. */
	static MediaRefusedException damagedPicture(Throwable cause) {
		return new MediaRefusedException(Reason.DAMAGED, cause, "media.picture-damaged");
	}

	/** A video that breaks its own format: boxes that do not add up, fields beyond their box. */
	static MediaRefusedException damagedVideo(Throwable cause) {
		return new MediaRefusedException(Reason.DAMAGED, cause, "media.video-damaged");
	}

	/** A video whose top-level boxes do not add up to the file: usually one cut off on its way. */
	static MediaRefusedException videoIncomplete() {
		return new MediaRefusedException(Reason.DAMAGED, null, "media.video-incomplete");
	}

	/** The key says which part of the file asks too much, with the limit as its argument. */
	static MediaRefusedException tooComplex(String key, long limit) {
		return new MediaRefusedException(Reason.TOO_COMPLEX, null, key, limit);
	}

	/** A picture larger than the hub decodes; the key says by which measure. */
	static MediaRefusedException tooLarge(String key, Object... args) {
		return new MediaRefusedException(Reason.TOO_LARGE, null, key, args);
	}
}
