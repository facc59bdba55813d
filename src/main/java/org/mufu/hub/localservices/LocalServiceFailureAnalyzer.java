package org.mufu.hub.localservices;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the person starting the hub, without a stack trace, why a local service did not come up. */
class LocalServiceFailureAnalyzer extends AbstractFailureAnalyzer<LocalServiceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LocalServiceException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set spring.elasticsearch.uris and hub.storage.endpoint to use servers of your own instead, "
						+ "or hub.local.enabled=false to start none.",
				cause);
	}
}
