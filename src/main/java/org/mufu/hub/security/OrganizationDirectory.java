package org.mufu.hub.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.Messages;
import org.mufu.hub.PlainText;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.VersionedJson;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The alliance's members, kept as records in storage ({@code members/{id}.json}) so an administrator admits one
 * without a restart and every hub sees it within {@code hub.security.members-refresh} (30 s). The first start on
 * an empty bucket seeds them from {@code media-samples/members.json}, each with put-if-absent.
 */
@Component
public class OrganizationDirectory {

	private static final Log logger = LogFactory.getLog(OrganizationDirectory.class);

	static final String SEED = "media-samples/members.json";

	private final VersionedJson<Organization> records;

	private volatile Map<String, Organization> members;

	@Autowired
	OrganizationDirectory(ObjectStorage storage, ObjectMapper json) {
		this.records = new VersionedJson<>(storage, json, "members/", Organization.class);
		List<Organization> stored = this.records.all();
		if (stored.isEmpty()) {
			List<Organization> seed = seed(json);
			Instant now = Instant.now();
			// admitted a millisecond apart, so the directory keeps the seed's order
			for (int i = 0; i < seed.size(); i++) {
				Organization m = seed.get(i);
				this.records.create(m.id(), new Organization(m.id(), m.name(), m.englishName(), m.county(),
						m.province(), m.kind(), m.contact(), m.chair(), m.timeZone(), now.plusMillis(i), "seed"));
			}
			stored = this.records.all();
		}
		this.members = byId(stored);
	}

	/** A directory of these members only, kept nowhere: for rules tested without a storage server. */
	OrganizationDirectory(List<Organization> members) {
		this.records = null;
		this.members = byId(members);
	}

	static List<Organization> seed(ObjectMapper json) {
		try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
			return json.readValue(in, new TypeReference<>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the members list " + SEED, ex);
		}
	}

	@Scheduled(fixedDelayString = "${hub.security.members-refresh:30s}")
	void refresh() {
		if (this.records == null) {
			return;
		}
		try {
			this.members = byId(this.records.all());
		}
		catch (RuntimeException ex) {
			logger.warn("The members could not be read again; the last ones read stay in force (" + ex.getMessage()
					+ ")");
		}
	}

	/** Every member, in the order they were admitted. */
	public List<Organization> all() {
		return List.copyOf(this.members.values());
	}

	public Optional<Organization> find(String id) {
		return Optional.ofNullable(this.members.get(id));
	}

	public boolean isMember(String id) {
		return this.members.containsKey(id);
	}

	/** The member holding the rotating chair, if one does. */
	public Optional<Organization> chair() {
		return this.members.values().stream().filter(Organization::chair).findFirst();
	}

	/** Admits a member; false when one with this id exists already. */
	boolean admit(Organization member) {
		boolean created = this.records.create(member.id(), member);
		refresh();
		return created;
	}

	/**
	 * Admits a new member (加盟认定) from what an administrator typed: checked, then stored with put-if-absent, so
	 * two hubs admitting the same id at once make one member and the other hears CONFLICT.
	 */
	Organization admit(Admission input, String by) {
		Organization member = input.organization(Instant.now(), by);
		if (!admit(member)) {
			throw new HubException(ErrorKind.CONFLICT, "member.id-taken", member.id());
		}
		return member;
	}

	/** What an administrator types to admit a member. */
	record Admission(String id, String name, String englishName, String county, String province, MemberKind kind,
			String contact, String timeZone) {

		private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

		Organization organization(Instant now, String by) {
			if (this.id == null || !ID.matcher(this.id).matches()) {
				throw HubException.badRequest("member.id-invalid");
			}
			String zone = PlainText.line(this.timeZone);
			if (zone != null && !zone.isBlank() && !ZoneId.getAvailableZoneIds().contains(zone)) {
				throw HubException.badRequest("member.time-zone-invalid", zone);
			}
			return new Organization(this.id, required(this.name, "name"), PlainText.line(this.englishName),
					required(this.county, "county"), required(this.province, "province"), this.kind,
					PlainText.line(this.contact), false, zone, now, by);
		}

		private static String required(String value, String field) {
			String line = PlainText.line(value);
			if (line == null || line.isBlank() || line.length() > 100) {
				throw HubException.badRequest("member.field-missing", Messages.of("member.field." + field));
			}
			return line.strip();
		}
	}

	/** Hands the chair to a member: the new holder is marked first, so there is never a time with none. */
	Organization moveChair(String to) {
		this.records.update(to, member -> member.withChair(true))
			.orElseThrow(() -> HubException.notFound("member.not-found", to));
		for (Organization member : this.records.all()) {
			if (member.chair() && !member.id().equals(to)) {
				this.records.update(member.id(), m -> m.withChair(false));
			}
		}
		refresh();
		return find(to).orElseThrow();
	}

	private static Map<String, Organization> byId(List<Organization> members) {
		return members.stream()
			.sorted(Comparator.comparing((Organization m) -> m.admittedAt() != null ? m.admittedAt() : Instant.EPOCH))
			.collect(Collectors.toMap(Organization::id, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}
}
