package org.mufu.hub;

import org.mufu.hub.security.Role;
import org.mufu.hub.security.TokenService;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * One GraphQL client per kind of caller, each with a token of its member and role: {@code uploader("tongcheng")}
 * for a member's staff, {@code editor("liuyang")}, {@code channel("xiushui")} for a channel app, {@code admin()}.
 */
public final class Testers {

	/** The member whose administrators the tests act as: the alliance's chair. */
	static final String ADMINISTERING_MEMBER = "tongcheng";

	private final HttpGraphQlTester graphQl;

	private final TokenService tokens;

	Testers(HttpGraphQlTester graphQl, TokenService tokens) {
		this.graphQl = graphQl;
		this.tokens = tokens;
	}

	/** A member's staff: uploads, writes and submits the member's own items. */
	public HttpGraphQlTester uploader(String org) {
		return as(org, Role.UPLOADER);
	}

	/** An editor of a member: reviews, publishes and searches. */
	public HttpGraphQlTester editor(String org) {
		return as(org, Role.EDITOR);
	}

	/** A member's channel app: reads its feed. */
	public HttpGraphQlTester channel(String org) {
		return as(org, Role.CHANNEL);
	}

	/** An administrator of the alliance. */
	public HttpGraphQlTester admin() {
		return as(ADMINISTERING_MEMBER, Role.ADMIN);
	}

	/** A caller of the member in the role, for a test that takes the role as a parameter. */
	public HttpGraphQlTester as(String org, Role role) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + this.tokens.issue(org, role)).build();
	}
}
