package org.mufu.hub.security;

import java.time.Instant;
import java.util.List;

import org.mufu.hub.HubException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** What administrators do: admit members and move the chair, invite and disable people, issue credentials. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdministrationController {

	private final OrganizationDirectory members;

	private final People people;

	private final Credentials credentials;

	AdministrationController(OrganizationDirectory members, People people, Credentials credentials) {
		this.members = members;
		this.people = people;
		this.credentials = credentials;
	}

	@MutationMapping
	Organization admitMember(@Argument OrganizationDirectory.Admission input, Caller caller) {
		return this.members.admit(input, caller.by());
	}

	@MutationMapping
	Organization moveChair(@Argument String memberId) {
		return this.members.moveChair(memberId);
	}

	@QueryMapping
	List<Person> people() {
		return this.people.all();
	}

	@MutationMapping
	People.Invited invitePerson(@Argument String login, @Argument String name, @Argument String memberId,
			@Argument Role role, Caller caller) {
		return this.people.invite(login, name, memberId, role, caller.by());
	}

	@MutationMapping
	Person setPersonDisabled(@Argument String login, @Argument boolean disabled, Caller caller) {
		if (disabled && login.equals(caller.person())) {
			throw HubException.badRequest("person.disable-self");
		}
		return this.people.setDisabled(login, disabled);
	}

	@MutationMapping
	People.Invited resetPassword(@Argument String login) {
		return this.people.resetPassword(login);
	}

	@QueryMapping
	List<Credential> credentials(@Argument String memberId) {
		return this.credentials.list(memberId);
	}

	@MutationMapping
	Credentials.Issued issueCredential(@Argument String memberId, @Argument String name, @Argument int ttlDays,
			Caller caller) {
		return this.credentials.issue(memberId, name, ttlDays, caller.by());
	}

	@MutationMapping
	Credential revokeCredential(@Argument String id, Caller caller) {
		return this.credentials.revoke(id, caller.by());
	}

	@SchemaMapping(typeName = "Person")
	Organization member(Person person) {
		return this.members.find(person.org()).orElse(null);
	}

	@SchemaMapping(typeName = "Person")
	boolean locked(Person person) {
		return person.lockedAt(Instant.now());
	}

	@SchemaMapping(typeName = "Credential")
	Organization member(Credential credential) {
		return this.members.find(credential.org()).orElse(null);
	}
}
