package org.mufu.hub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to the console with their password. After {@value #LOCK_AFTER} wrong passwords in a row the
 * person is locked for 15 minutes, counted in their record on every hub; an unknown name costs as much time as
 * a known one, so sign-in does not tell which names exist.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	static final int LOCK_AFTER = 5;

	static final Duration LOCK_FOR = Duration.ofMinutes(15);

	private final People people;

	private final OrganizationDirectory members;

	private final String unknownHash;

	private final AuditTrail audit;

	PasswordSignIn(People people, OrganizationDirectory members,
			org.springframework.security.crypto.password.PasswordEncoder passwords, AuditTrail audit) {
		this.people = people;
		this.audit = audit;
		this.members = members;
		this.unknownHash = passwords.encode("no one signs in with this");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String login = request.getName() == null ? "" : request.getName().strip().toLowerCase(java.util.Locale.ROOT);
		String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
		Optional<Person> found = this.people.find(login);
		if (found.isEmpty()) {
			this.people.matches(password, this.unknownHash);
			this.audit.record("SIGN_IN_FAILED", login.length() > 40 ? login.substring(0, 40) : login, null,
					"unknown");
			throw new BadCredentialsException("unknown");
		}
		Person person = found.get();
		Instant now = Instant.now();
		if (person.lockedAt(now)) {
			this.audit.record("SIGN_IN_FAILED", login, person.org(), "locked");
			throw new LockedException("locked");
		}
		if (!this.people.matches(password, person.passwordHash())) {
			Optional<Person> after = this.people.recordFailure(login, LOCK_AFTER, now.plus(LOCK_FOR));
			boolean locked = after.isPresent() && after.get().lockedAt(now);
			this.audit.record("SIGN_IN_FAILED", login, person.org(), locked ? "wrong password, now locked"
					: "wrong password");
			if (locked) {
				throw new LockedException("locked");
			}
			throw new BadCredentialsException("password");
		}
		if (person.disabled() || !this.members.isMember(person.org())) {
			this.audit.record("SIGN_IN_FAILED", login, person.org(), "disabled");
			throw new DisabledException("disabled");
		}
		this.people.recordSuccess(person);
		this.audit.record("SIGNED_IN", login, person.org(), null);
		return new CallerAuthentication(person.caller(), null);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
