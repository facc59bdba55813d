package org.mufu.hub.content;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes presigned uploads that were never completed once their URL has expired, bytes and all. */
@Component
class ExpiredUploads {

	private static final Log logger = LogFactory.getLog(ExpiredUploads.class);

	private final ObjectStorage storage;

	private final Records records;

	ExpiredUploads(ObjectStorage storage, Records records) {
		this.storage = storage;
		this.records = records;
	}

	@Scheduled(fixedDelayString = "${hub.upload.sweep-interval:15m}", initialDelayString = "${hub.upload.sweep-interval:15m}")
	void sweep() {
		Instant now = Instant.now();
		for (String key : this.storage.list("uploads/")) {
			this.records.read(key, PendingUpload.class)
				.filter(pending -> pending.expiresAt().isBefore(now))
				.ifPresent(pending -> {
					this.storage.delete(Records.incoming(pending.uploadId()));
					this.storage.delete(key);
					logger.info("Removed upload " + pending.uploadId() + " of " + pending.owner()
							+ ", never completed before its URL expired");
				});
		}
	}
}
