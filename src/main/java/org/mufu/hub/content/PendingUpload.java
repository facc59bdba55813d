package org.mufu.hub.content;

import java.time.Instant;

/** A presigned upload handed out and not yet completed, kept in storage so any hub instance can complete it. */
record PendingUpload(String uploadId, String owner, String filename, String declaredType, long byteSize,
		Instant expiresAt, String requestedBy) {
}
