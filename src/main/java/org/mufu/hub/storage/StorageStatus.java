package org.mufu.hub.storage;

/** Whether the storage answers, and which bucket the hub uses there. */
public record StorageStatus(boolean up, String endpoint, String bucket) {

	/** UP or DOWN, as the schema's ServiceState. */
	public String status() {
		return this.up ? "UP" : "DOWN";
	}
}
