package org.mufu.hub.security;

import java.time.Instant;

/**
 * Someone who signs in to the console, kept in storage under {@code people/{login}.json}: their name, member and
 * role, and what sign-in needs (a password hash, never the password; failed attempts; a lock). A person made by an
 * administrator or on first start has a one-time password and must choose their own at first sign-in.
 */
public record Person(String login, String name, String org, Role role, String passwordHash, boolean disabled,
		int failedSignIns, Instant lockedUntil, boolean mustChangePassword, String locale, Instant createdAt,
		String createdBy) {

	Person withPassword(String hash, boolean oneTime) {
		return new Person(this.login, this.name, this.org, this.role, hash, this.disabled, 0, null, oneTime,
				this.locale, this.createdAt, this.createdBy);
	}

	Person withFailedSignIn(int lockAfter, Instant lockUntil) {
		int failed = this.failedSignIns + 1;
		return new Person(this.login, this.name, this.org, this.role, this.passwordHash, this.disabled,
				failed >= lockAfter ? 0 : failed, failed >= lockAfter ? lockUntil : this.lockedUntil,
				this.mustChangePassword, this.locale, this.createdAt, this.createdBy);
	}

	Person withSignedIn() {
		return new Person(this.login, this.name, this.org, this.role, this.passwordHash, this.disabled, 0, null,
				this.mustChangePassword, this.locale, this.createdAt, this.createdBy);
	}

	Person withDisabled(boolean off) {
		return new Person(this.login, this.name, this.org, this.role, this.passwordHash, off, 0, null,
				this.mustChangePassword, this.locale, this.createdAt, this.createdBy);
	}

	Person withLocale(String chosen) {
		return new Person(this.login, this.name, this.org, this.role, this.passwordHash, this.disabled,
				this.failedSignIns, this.lockedUntil, this.mustChangePassword, chosen, this.createdAt, this.createdBy);
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/** Who this person acts as. */
	public Caller caller() {
		return new Caller(this.org, this.role, this.login);
	}
}
