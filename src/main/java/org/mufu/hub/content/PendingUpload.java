package org.mufu.hub.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.mufu.hub.ErrorKind;

/**
 * A presigned upload handed out, kept in storage so any hub instance can complete it; once completed or
 * refused it keeps the outcome until its URL expires, so a retried completion answers as the first did.
 */
record PendingUpload(String uploadId, String owner, String filename, String declaredType, long byteSize,
		Instant expiresAt, String requestedBy, Completion completion) {

	PendingUpload withCompletion(Completion completion) {
		return new PendingUpload(this.uploadId, this.owner, this.filename, this.declaredType, this.byteSize,
				this.expiresAt, this.requestedBy, completion);
	}

	/** Whether the upload is done with: completed or refused, so its bytes in {@code incoming/} are stray. */
	boolean ended() {
		return this.completion != null && this.completion.ended();
	}

	/**
	 * Who is completing the upload and since when; then the asset it became (with {@code duplicate} when it
	 * is an earlier upload's), or the refusal it met: its kind, message key and arguments (strings and numbers), so
	 * a retried completion is answered in its own caller's language.
	 */
	record Completion(String by, Instant since, String assetId, boolean duplicate, ErrorKind refusedAs,
			String refusal, List<Object> refusalArguments) {

		static Completion started(String by) {
			return new Completion(by, Instant.now(), null, false, null, null, null);
		}

		Completion completed(UploadResult result) {
			return new Completion(this.by, this.since, result.asset().id(), result.duplicate(), null, null, null);
		}

		Completion refused(ErrorKind kind, String key, Object[] args) {
			return new Completion(this.by, this.since, null, false, kind, key, Arrays.asList(args));
		}

		Object[] refusalArgs() {
			return this.refusalArguments != null ? this.refusalArguments.toArray() : new Object[0];
		}

		boolean ended() {
			return this.assetId != null || this.refusedAs != null;
		}
	}
}
