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

	private final AuditTrail audit;

	AdministrationController(OrganizationDirectory members, People people, Credentials credentials,
			AuditTrail audit) {
		this.audit = audit;
		this.members = members;
		this.people = people;
		this.credentials = credentials;
	}

	@MutationMapping
	Organization admitMember(@Argument OrganizationDirectory.Admission input, Caller caller) {
		Organization admitted = this.members.admit(input, caller.by());
		this.audit.record("MEMBER_ADMITTED", caller.by(), admitted.id(), admitted.name());
		return admitted;
	}

	@MutationMapping
	Organization moveChair(@Argument String memberId, Caller caller) {
		Organization chair = this.members.moveChair(memberId);
		this.audit.record("CHAIR_MOVED", caller.by(), memberId, null);
		return chair;
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
		Person person = this.people.setDisabled(login, disabled);
		this.audit.record(disabled ? "PERSON_DISABLED" : "PERSON_ENABLED", caller.by(), login, null);
		return person;
	}

	@MutationMapping
	People.Invited resetPassword(@Argument String login, Caller caller) {
		People.Invited reset = this.people.resetPassword(login);
		this.audit.record("PASSWORD_RESET", caller.by(), login, null);
		return reset;
	}

	@QueryMapping
	List<Credential> credentials(@Argument String memberId) {
		return this.credentials.list(memberId);
	}

	@MutationMapping
	Credentials.Issued issueCredential(@Argument String memberId, @Argument String name, @Argument int ttlDays,
			Caller caller) {
		Credentials.Issued issued = this.credentials.issue(memberId, name, ttlDays, caller.by());
		this.audit.record("CREDENTIAL_ISSUED", caller.by(), memberId, name);
		return issued;
	}

	@MutationMapping
	Credential revokeCredential(@Argument String id, Caller caller) {
		Credential revoked = this.credentials.revoke(id, caller.by());
		this.audit.record("CREDENTIAL_REVOKED", caller.by(), id, revoked.org());
		return revoked;
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
