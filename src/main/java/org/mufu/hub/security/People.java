package org.mufu.hub.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.VersionedJson;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people who sign in to the console, as records in storage. Every change is a compare-and-swap on the
 * person's record, so a lock after failed sign-ins counts the failures made on every hub.
 */
@Component
public class People {

	static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

	// no 0/O, 1/l/I: a one-time password is read off a screen and typed
	private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private final VersionedJson<Person> records;

	private final PasswordEncoder passwords;

	private final OrganizationDirectory members;

	private final AuditTrail audit;

	People(ObjectStorage storage, ObjectMapper json, PasswordEncoder passwords, OrganizationDirectory members,
			AuditTrail audit) {
		this.audit = audit;
		this.records = new VersionedJson<>(storage, json, "people/", Person.class);
		this.passwords = passwords;
		this.members = members;
	}

	public Optional<Person> find(String login) {
		return login != null && LOGIN.matcher(login).matches() ? this.records.find(login) : Optional.empty();
	}

	/** Everyone, by member and name. */
	public List<Person> all() {
		return this.records.all()
			.stream()
			.sorted(Comparator.comparing(Person::org).thenComparing(Person::name))
			.toList();
	}

	/** A new person with a one-time password, which is returned and kept nowhere in plain text. */
	public Invited invite(String login, String name, String org, Role role, String by) {
		if (login == null || !LOGIN.matcher(login).matches()) {
			throw HubException.badRequest("person.login-invalid");
		}
		if (name == null || name.isBlank() || name.length() > 60) {
			throw HubException.badRequest("person.name-invalid");
		}
		if (!this.members.isMember(org)) {
			throw HubException.notFound("member.not-found", org);
		}
		if (role == Role.CHANNEL) {
			throw HubException.badRequest("person.not-for-channels");
		}
		String password = oneTimePassword();
		Person person = new Person(login, name.strip(), org, role, this.passwords.encode(password), false, 0, null,
				true, null, Instant.now(), by);
		if (!this.records.create(login, person)) {
			throw new HubException(ErrorKind.CONFLICT, "person.login-taken", login);
		}
		this.audit.record("PERSON_INVITED", by, login, org + ":" + role);
		return new Invited(person, password);
	}

	/** A new one-time password for someone who forgot theirs; it also lifts a lock. */
	public Invited resetPassword(String login) {
		String password = oneTimePassword();
		Person person = this.records.update(login, p -> p.withPassword(this.passwords.encode(password), true))
			.orElseThrow(() -> unknown(login));
		return new Invited(person, password);
	}

	/** The person's own new password, given the one they signed in with. */
	public void changePassword(String login, String current, String chosen) {
		Person person = find(login).orElseThrow(() -> unknown(login));
		if (current == null || !this.passwords.matches(current, person.passwordHash())) {
			throw HubException.badRequest("person.password-wrong");
		}
		if (chosen == null || chosen.length() < MIN_PASSWORD_LENGTH || chosen.length() > 200) {
			throw HubException.badRequest("person.password-short", MIN_PASSWORD_LENGTH);
		}
		if (chosen.equals(current)) {
			throw HubException.badRequest("person.password-same");
		}
		this.records.update(login, p -> p.withPassword(this.passwords.encode(chosen), false));
		this.audit.record("PASSWORD_CHANGED", login, login, null);
	}

	public Person setDisabled(String login, boolean disabled) {
		return this.records.update(login, p -> p.withDisabled(disabled)).orElseThrow(() -> unknown(login));
	}

	public Person setLocale(String login, String locale) {
		return this.records.update(login, p -> p.withLocale(locale)).orElseThrow(() -> unknown(login));
	}

	/** Creates the person unless someone signs in under that name already; the one-time password, if created. */
	Optional<Invited> createOnce(Person person) {
		String password = oneTimePassword();
		Person stored = person.withPassword(this.passwords.encode(password), person.mustChangePassword());
		return this.records.create(person.login(), stored) ? Optional.of(new Invited(stored, password))
				: Optional.empty();
	}

	boolean anyone() {
		return !this.records.all().isEmpty();
	}

	Optional<Person> recordFailure(String login, int lockAfter, Instant lockUntil) {
		return this.records.update(login, p -> p.withFailedSignIn(lockAfter, lockUntil));
	}

	void recordSuccess(Person person) {
		if (person.failedSignIns() > 0 || person.lockedUntil() != null) {
			this.records.update(person.login(), Person::withSignedIn);
		}
	}

	boolean matches(String password, String hash) {
		return this.passwords.matches(password, hash);
	}

	private static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
		}
		return password.toString();
	}

	private static HubException unknown(String login) {
		return HubException.notFound("person.not-found", login);
	}

	/** A person just made or reset, with the one-time password to hand them; shown once, stored nowhere. */
	public record Invited(Person person, String oneTimePassword) {
	}
}
