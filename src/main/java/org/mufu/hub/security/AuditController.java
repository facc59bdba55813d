package org.mufu.hub.security;

import java.time.Instant;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@QueryMapping
	List<AuditTrail.Event> auditTrail(@Argument Instant from, @Argument Instant to, @Argument String by,
			@Argument String action) {
		return this.trail.between(from, to, by, action);
	}
}
