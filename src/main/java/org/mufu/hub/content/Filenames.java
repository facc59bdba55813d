package org.mufu.hub.content;

import org.mufu.hub.HubException;

/** A file name as a person gave it, reduced to a safe base name. */
final class Filenames {

	private static final int MAX_LENGTH = 200;

	private Filenames() {
	}

	static String clean(String filename) {
		if (filename == null || filename.isBlank()) {
			throw HubException.badRequest("The file needs a name.");
		}
		String base = filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			throw HubException.badRequest("\"" + filename + "\" is not a usable file name.");
		}
		return base.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH) : base;
	}
}
