package org.mufu.hub.index;

/** Whether the search cluster answers, which version it runs and the health it reports. */
public record IndexStatus(boolean up, String clusterVersion, String clusterName, String health) {

	/** UP or DOWN, as the schema's ServiceState. */
	public String status() {
		return this.up ? "UP" : "DOWN";
	}
}
