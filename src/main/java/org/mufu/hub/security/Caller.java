package org.mufu.hub.security;

/** Who makes a request: one member organisation acting in one role. What it may do is {@link AccessPolicy}'s. */
public record Caller(String org, Role role) {

	/** See {@link AccessPolicy#actsForAlliance}. */
	public boolean actsForAlliance() {
		return AccessPolicy.actsForAlliance(this);
	}

	/** See {@link AccessPolicy#seesAllOf}. */
	public boolean sees(String owner) {
		return AccessPolicy.seesAllOf(this, owner);
	}

	/** See {@link AccessPolicy#mayChange}. */
	public boolean mayChange(String owner) {
		return AccessPolicy.mayChange(this, owner);
	}
}
