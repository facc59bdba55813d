package org.mufu.hub.content;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.changelog.Leases;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes presigned uploads that were never completed once their URL has expired, bytes and all, and aborts
 * multipart uploads to storage left open by a hub that stopped in the middle of one. At start and every
 * interval after, by one hub at a time.
 */
@Component
class ExpiredUploads {

	private static final Log logger = LogFactory.getLog(ExpiredUploads.class);

	private static final String INCOMING = Records.incoming("");

	private final ObjectStorage storage;

	private final Records records;

	private final Leases leases;

	private final Duration abandonedAfter;

	ExpiredUploads(ObjectStorage storage, Records records, Leases leases,
			@Value("${hub.upload.abandoned-after:6h}") Duration abandonedAfter) {
		this.storage = storage;
		this.records = records;
		this.leases = leases;
		this.abandonedAfter = abandonedAfter;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${hub.upload.sweep-interval:15m}", initialDelayString = "${hub.upload.sweep-interval:15m}")
	void sweep() {
		try {
			if (this.leases.hold("upload-sweep", Duration.ofMinutes(5))) {
				sweepHeld();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not sweep abandoned uploads; the next sweep tries again", ex);
		}
	}

	private void sweepHeld() {
		Instant now = Instant.now();
		// an upload through the hub streams for minutes, over a county's slow line for an hour or two
		int aborted = this.storage.abortUploadsStartedBefore(now.minus(this.abandonedAfter));
		if (aborted > 0) {
			logger.info("Aborted " + aborted + " multipart uploads to storage left open for more than "
					+ this.abandonedAfter.toHours() + " hours");
		}
		for (String key : this.storage.list("uploads/")) {
			this.records.read(key, PendingUpload.class)
				.filter(pending -> pending.expiresAt().isBefore(now))
				.ifPresent(pending -> {
					this.storage.delete(Records.incoming(pending.uploadId()));
					this.storage.delete(key);
					if (pending.completion() == null) {
						logger.info("Removed upload " + pending.uploadId() + " of " + pending.owner()
								+ ", never completed before its URL expired");
					}
				});
		}
		sweepStrayBytes();
	}

	/*
	 * A presigned URL takes bytes until it expires, also after its upload was completed or refused; such bytes, and
	 * any under incoming/ without an upload, are removed. Bytes of an upload still open or being completed stay.
	 */
	private void sweepStrayBytes() {
		for (String key : this.storage.list(INCOMING)) {
			String uploadId = key.substring(INCOMING.length());
			boolean stray = this.records.read(Records.pendingUpload(uploadId), PendingUpload.class)
				.map(PendingUpload::ended)
				.orElse(true);
			if (stray) {
				this.storage.delete(key);
				logger.info("Removed bytes put for upload " + uploadId + " after it had ended");
			}
		}
	}
}
