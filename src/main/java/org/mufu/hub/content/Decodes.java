package org.mufu.hub.content;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

import org.springframework.stereotype.Component;

/**
 * At most {@code hub.upload.concurrent-decodes} files held in memory and read or decoded at once (metadata,
 * perceptual hash, renditions); the rest wait their turn. Each is bounded by the size and pixel limits, so
 * this bounds what all of them together take from the heap.
 */
@Component
class Decodes {

	private final Semaphore permits;

	Decodes(UploadProperties limits) {
		this.permits = new Semaphore(limits.concurrentDecodes(), true);
	}

	<T> T run(Supplier<T> work) {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HubException(ErrorKind.STORAGE_UNAVAILABLE, "upload.interrupted");
		}
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

	/** How many may start now, for tests and health. */
	int available() {
		return this.permits.availablePermits();
	}
}
