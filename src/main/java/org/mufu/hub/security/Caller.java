package org.mufu.hub.security;

/** Who makes a request: one member organisation acting in one role. */
public record Caller(String org, Role role) {

	/** Editors and administrators act for the whole alliance. */
	public boolean actsForAlliance() {
		return this.role == Role.EDITOR || this.role == Role.ADMIN;
	}

	/** Whether this caller may see everything the given member owns, shared or not. */
	public boolean sees(String owner) {
		return actsForAlliance() || this.org.equals(owner);
	}

	/** Whether this caller may change something the given member owns. */
	public boolean mayChange(String owner) {
		return actsForAlliance() || (this.role == Role.UPLOADER && this.org.equals(owner));
	}
}
