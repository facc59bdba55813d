package org.mufu.hub.changelog;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the log's old entries into segments every interval, by one hub at a time: a year of a busy alliance is
 * twenty objects instead of 200,000, and a rebuild reads them in twenty requests.
 */
@Component
class LogCompaction {

	private static final Log logger = LogFactory.getLog(LogCompaction.class);

	private static final String LEASE = "log-compaction";

	private final ChangeLog log;

	private final Leases leases;

	LogCompaction(ChangeLog log, Leases leases) {
		this.log = log;
		this.leases = leases;
	}

	@Scheduled(fixedDelayString = "${hub.log.compact-every:10m}", initialDelayString = "${hub.log.compact-every:10m}")
	void compact() {
		try {
			// renewed before each segment, so a first run over a long log is not joined by another hub
			if (this.leases.hold(LEASE, Duration.ofMinutes(5))) {
				int folded = this.log.compact(ChangeLog.SEGMENT, () -> this.leases.hold(LEASE, Duration.ofMinutes(5)));
				if (folded > 0) {
					logger.info("Folded " + folded + " entries of the change log into segments");
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not fold the change log; the next run tries again", ex);
		}
	}
}
