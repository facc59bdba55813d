package org.mufu.hub.channel;

import org.mufu.hub.KeyedException;

/** A stored picture the renderer cannot decode, so no rendition can be made of it. */
public class UnreadablePictureException extends KeyedException {

	UnreadablePictureException(Throwable cause) {
		super(cause, "media.picture-undecodable");
	}
}
