package org.mufu.hub.content;

import org.mufu.hub.HubException;
import org.mufu.hub.PlainText;

/** A file name as a person gave it, reduced to a safe base name. */
final class Filenames {

	private static final int MAX_LENGTH = 200;

	private Filenames() {
	}

	static String clean(String filename) {
		if (filename == null || filename.isBlank()) {
			throw HubException.badRequest("upload.file-without-name");
		}
		if (filename.indexOf('\0') >= 0) {
			throw HubException.badRequest("upload.file-name-with-nul");
		}
		String base = filename.replace('\\', '/');
		// controls and bidirectional overrides go: "photo\u202Egpj.exe" would read as photoexe.jpg
		base = PlainText.line(base.substring(base.lastIndexOf('/') + 1));
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			throw HubException.badRequest("upload.file-name-unusable", filename);
		}
		return base.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH) : base;
	}
}
