package org.mufu.hub.security;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

	private final OrganizationDirectory members;

	OrganizationController(OrganizationDirectory members) {
		this.members = members;
	}

	@QueryMapping
	List<Organization> organizations() {
		return this.members.all();
	}

	@QueryMapping
	Caller me(Caller caller) {
		return caller;
	}
}
