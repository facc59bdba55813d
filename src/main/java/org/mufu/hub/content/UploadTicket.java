package org.mufu.hub.content;

import java.time.Instant;
import java.util.List;

/** Where and how a client puts a file straight into storage, and until when. */
public record UploadTicket(String uploadId, String url, String method, List<Header> headers, Instant expiresAt) {

	public record Header(String name, String value) {
	}
}
