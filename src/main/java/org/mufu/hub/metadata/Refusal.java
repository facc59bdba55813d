package org.mufu.hub.metadata;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

/** The refusals of a file the readers cannot or will not read: a 4xx the uploader can act on, never a 500. */
final class Refusal {

	private Refusal() {
	}

	/** The file breaks its own format: boxes or chunks that do not add up, fields beyond their box. */
	static HubException damaged(String what, Throwable cause) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, "The " + what + " is damaged or incomplete and cannot "
				+ "be read; please export it again and upload the new file.", cause);
	}

	/** A video whose top-level boxes do not add up to the file: usually one cut off on its way. */
	static HubException videoIncomplete() {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, "The video is incomplete or damaged (its boxes do not "
				+ "add up to the file); please upload the whole file again.");
	}

	/** The file is well-formed but asks for more work or memory than the hub gives one file. */
	static HubException tooComplex(String what, String detail) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA, "The " + what + " is damaged or too complex for the "
				+ "hub to read (" + detail + "); please export it again, without extra metadata, and upload the new file.");
	}
}
