package org.mufu.hub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrationIT extends IntegrationTest {

	private static final String CHAIRS = "{ organizations { id chair } }";

	@Autowired
	ExecutionGraphQlService graphQl;

	@Autowired
	People people;

	@Test
	void anAdminAdmitsAScenicAreaInvitesItsStaffWhoActForItAloneAndDisablesThem() {
		String member = "mufu-" + suffix();
		this.testers.admin().documentName("admitMember")
			.variable("input", Map.of("id", member, "name", "幕阜山风景区", "englishName", "Mufu Mountain Scenic Area",
					"county", "平江县", "province", "湖南省", "kind", "SCENIC_AREA", "contact", "0730-1234567"))
			.execute()
			.path("admitMember.kind").entity(String.class).isEqualTo("SCENIC_AREA")
			.path("admitMember.timeZone").entity(String.class).isEqualTo("Asia/Shanghai")
			.path("admitMember.chair").entity(Boolean.class).isEqualTo(false);
		this.testers.uploader("xiushui").documentName("organizations").execute()
			.path("organizations[*].id").entityList(String.class).contains(member);
		this.testers.admin().documentName("admitMember")
			.variable("input", Map.of("id", member, "name", "又一个", "county", "平江县", "province", "湖南省", "kind",
					"SCENIC_AREA"))
			.execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.CONFLICT));
		this.testers.admin().documentName("admitMember")
			.variable("input", Map.of("id", "Not An Id", "name", "x", "county", "x", "province", "x", "kind",
					"SCENIC_AREA"))
			.execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));

		String login = member + ".staff";
		String password = this.testers.admin().documentName("invitePerson")
			.variable("login", login).variable("name", "周敏").variable("memberId", member).variable("role", "UPLOADER")
			.execute()
			.path("invitePerson.person.member.id").entity(String.class).isEqualTo(member)
			.path("invitePerson.person.mustChangePassword").entity(Boolean.class).isEqualTo(true)
			.path("invitePerson.person.createdBy").entity(String.class).isEqualTo("tongcheng:ADMIN")
			.path("invitePerson.oneTimePassword").entity(String.class).get();
		assertThat(password).hasSize(14);
		this.testers.admin().documentName("people").execute()
			.path("people[*].login").entityList(String.class).contains(login);

		// the new member's staff change their own member's items, never another's
		String tongchengDraft = this.testers.uploader("tongcheng").documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", "通城县药姑山", "body", "<p>药姑山</p>"))
			.execute()
			.path("createContent.id").entity(String.class).get();
		Caller staff = this.people.find(login).orElseThrow().caller();
		assertThat(staff.org()).isEqualTo(member);
		ExecutionGraphQlResponse refused = run(staff,
				"mutation { submitForReview(id: \"" + tongchengDraft + "\") { id } }");
		assertThat(refused.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN"));
		ExecutionGraphQlResponse own = run(staff,
				"mutation { createContent(input: {kind: ARTICLE, title: \"幕阜山日出\", body: \"<p>日出</p>\"}) "
						+ "{ id owner { id } } }");
		assertThat(own.getErrors()).isEmpty();
		String owner = own.field("createContent.owner.id").getValue();
		assertThat(owner).isEqualTo(member);
		String ownId = own.field("createContent.id").getValue();
		assertThat(run(staff, "mutation { submitForReview(id: \"" + ownId + "\") { status } }").getErrors()).isEmpty();
		// history keeps who, and lists show the person's name
		this.testers.editor("pingjiang").document("query($id: ID!) { content(id: $id) { history { by byName } } }")
			.variable("id", ownId)
			.execute()
			.path("content.history[0].by").entity(String.class).isEqualTo(login)
			.path("content.history[0].byName").entity(String.class).isEqualTo("周敏");

		this.testers.admin().documentName("setPersonDisabled").variable("login", login)
			.variable("disabled", true)
			.execute()
			.path("setPersonDisabled.disabled").entity(Boolean.class).isEqualTo(true);
		assertThat(this.people.find(login).orElseThrow().disabled()).isTrue();
		this.testers.admin().documentName("resetPassword").variable("login", login)
			.execute()
			.path("resetPassword.person.mustChangePassword").entity(Boolean.class).isEqualTo(true)
			.path("resetPassword.oneTimePassword").entity(String.class)
			.satisfies(next -> assertThat(next).hasSize(14).isNotEqualTo(password));
	}

	@Test
	void anAdministratorCannotDisableThemselves() {
		String login = "admin-" + suffix();
		this.people.invite(login, "王强", "tongcheng", Role.ADMIN, "test");
		Caller admin = this.people.find(login).orElseThrow().caller();
		ExecutionGraphQlResponse response = run(admin,
				"mutation { setPersonDisabled(login: \"" + login + "\", disabled: true) { disabled } }");
		assertThat(response.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
		assertThat(this.people.find(login).orElseThrow().disabled()).isFalse();
	}

	@Test
	void aChannelCredentialIsIssuedListedWithoutItsTokenAndRevokedAppRefusedWithinAMinute() {
		String name = "通城县微信公众号发布 " + suffix();
		var issued = this.testers.admin().documentName("issueCredential").variable("memberId", "tongcheng")
			.variable("name", name).variable("ttlDays", 30)
			.execute();
		String token = issued.path("issueCredential.token").entity(String.class).get();
		String id = issued.path("issueCredential.credential.id").entity(String.class).get();
		issued.path("issueCredential.credential.expiresAt").entity(String.class)
			.satisfies(at -> assertThat(Instant.parse(at))
				.isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31))));
		assertThat(feedStatus(token).value()).isEqualTo(200);

		this.testers.admin().documentName("credentials").variable("memberId", "tongcheng")
			.execute()
			.path("credentials[?(@.id == '" + id + "')].name").entityList(String.class).containsExactly(name);
		this.testers.admin().documentName("credentials").variable("memberId", "xiushui")
			.execute()
			.path("credentials[*].id").entityList(String.class).doesNotContain(id);

		this.testers.admin().documentName("revokeCredential").variable("id", id)
			.execute()
			.path("revokeCredential.revokedBy").entity(String.class).isEqualTo("tongcheng:ADMIN");
		Instant deadline = Instant.now().plusSeconds(60);
		while (feedStatus(token).value() != 401) {
			assertThat(Instant.now()).as("the revoked credential is refused within a minute").isBefore(deadline);
			Thread.onSpinWait();
		}
		this.testers.admin().documentName("credentials").variable("memberId", "tongcheng")
			.execute()
			.path("credentials[?(@.id == '" + id + "')].revokedAt").entityList(String.class).hasSize(1);
		this.testers.admin().documentName("auditTrail")
			.variable("from", Instant.now().minusSeconds(600).toString())
			.variable("to", Instant.now().plusSeconds(60).toString())
			.variable("action", "CREDENTIAL_REVOKED")
			.execute()
			.path("auditTrail[*].subject").entityList(String.class).contains(id);
	}

	@Test
	void onlyAdministratorsAdminister() {
		for (Role role : List.of(Role.EDITOR, Role.UPLOADER, Role.CHANNEL)) {
			this.testers.as("pingjiang", role).documentName("people").execute()
				.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
			this.testers.as("pingjiang", role).documentName("issueCredential").variable("memberId", "pingjiang")
				.variable("name", "平江县抖音号").variable("ttlDays", 30)
				.execute()
				.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
			this.testers.as("pingjiang", role).documentName("moveChair").variable("memberId", "pingjiang").execute()
				.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
			this.testers.as("pingjiang", role).documentName("invitePerson").variable("login", "someone-" + suffix())
				.variable("name", "某人").variable("memberId", "pingjiang").variable("role", "EDITOR")
				.execute()
				.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		}
	}

	@Test
	void theChairMovesAndOnlyOneMemberHoldsIt() {
		String before = this.testers.admin().document(CHAIRS).execute()
			.path("organizations[?(@.chair == true)].id").entityList(String.class).hasSize(1).get().get(0);
		String next = before.equals("liuyang") ? "xiushui" : "liuyang";
		this.testers.admin().documentName("moveChair").variable("memberId", next).execute()
			.path("moveChair.chair").entity(Boolean.class).isEqualTo(true);
		this.testers.admin().document(CHAIRS).execute()
			.path("organizations[?(@.chair == true)].id").entityList(String.class).containsExactly(next);
		this.testers.admin().documentName("moveChair").variable("memberId", before).execute();
	}

	private HttpStatusCode feedStatus(String token) {
		return this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.bodyValue(Map.of("query", "{ feed(channel: WECHAT, first: 1) { pageInfo { hasNextPage } } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus();
	}

	private ExecutionGraphQlResponse run(Caller caller, String document) {
		return Callers.as(caller, () -> this.graphQl.execute(new DefaultExecutionGraphQlRequest(document, null,
				Map.of(), null, UUID.randomUUID().toString(), null)).block(Duration.ofSeconds(30)));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
