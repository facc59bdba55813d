package org.mufu.hub.metadata;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

/** The refusals of a file the readers cannot or will not read: a 4xx the uploader can act on, never a 500. */
final class Refusal {

	private Refusal() {
	}

	/** A picture that breaks its own format: chunks that do not add up, fields beyond their segment. */
	static HubException damagedPicture(Throwable cause) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, cause, "media.picture-damaged");
	}

	/** A video that breaks its own format: boxes that do not add up, fields beyond their box. */
	static HubException damagedVideo(Throwable cause) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, cause, "media.video-damaged");
	}

	/** A video whose top-level boxes do not add up to the file: usually one cut off on its way. */
	static HubException videoIncomplete() {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, "media.video-incomplete");
	}

	/**
	 * The file is well-formed but asks for more work or memory than the hub gives one file; the key says which
	 * part, with the limit as its argument.
	 */
	static HubException tooComplex(String key, long limit) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, key, limit);
	}
}
