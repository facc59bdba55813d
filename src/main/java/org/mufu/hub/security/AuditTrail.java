package org.mufu.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.HubException;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Who did what and when, for administrators: sign-ins (and failed ones), publishing and withdrawing, widening or
 * narrowing who sees an item, people, members and credentials, rebuilds of the index. Each event is its own
 * object, {@code audit/{day}/{time}-{random}.json}, made with put-if-absent and never written again: the trail is
 * append-only. It sits beside the change log, which orders what the index and the feeds follow; the trail also
 * keeps what changes no record (a failed sign-in).
 */
@Service
public class AuditTrail {

	private static final Log logger = LogFactory.getLog(AuditTrail.class);

	static final String FOLDER = "audit/";

	/** The longest span one reading of the trail covers, and the most events it returns. */
	static final Duration MAX_SPAN = Duration.ofDays(31);

	static final int MAX_EVENTS = 500;

	private static final SecureRandom random = new SecureRandom();

	private final ObjectStorage storage;

	private final ObjectMapper json;

	AuditTrail(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
	}

	/** What happened: the action, who did it, to what, a detail (channels, the new visibility), when. */
	public record Event(Instant at, String action, String by, String subject, String detail) {
	}

	/**
	 * Keeps an event. A trail that cannot be written does not undo what was done (that is already stored and
	 * logged); it is logged as a warning for the operators.
	 */
	public void record(String action, String by, String subject, String detail) {
		Event event = new Event(Instant.now(), action, by, subject, detail);
		String key = FOLDER + LocalDate.ofInstant(event.at(), ZoneOffset.UTC) + "/"
				+ String.format("%013d-%08x", event.at().toEpochMilli(), random.nextInt()) + ".json";
		try {
			this.storage.putIfAbsent(key, this.json.writeValueAsBytes(event), "application/json");
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("The audit trail could not keep " + action + " by " + by + " of " + subject + " ("
					+ ex.getMessage() + ")");
		}
	}

	/** The events between two times, newest first, at most {@value #MAX_EVENTS}; optionally of one person or action. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<Event> between(Instant from, Instant to, String by, String action) {
		if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw HubException.badRequest("audit.span", MAX_SPAN.toDays());
		}
		List<String> keys = new ArrayList<>();
		for (LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC); !day.isBefore(
				LocalDate.ofInstant(from, ZoneOffset.UTC)); day = day.minusDays(1)) {
			this.storage.list(FOLDER + day + "/").stream().sorted(Comparator.reverseOrder()).forEach(keys::add);
		}
		List<Event> events = new ArrayList<>();
		for (String key : keys) {
			Optional<Event> event = this.storage.find(key).map(this::read);
			if (event.isPresent() && !event.get().at().isBefore(from) && event.get().at().isBefore(to)
					&& (by == null || by.equals(event.get().by()))
					&& (action == null || action.equals(event.get().action()))) {
				events.add(event.get());
				if (events.size() == MAX_EVENTS) {
					break;
				}
			}
		}
		return events;
	}

	private Event read(byte[] bytes) {
		try {
			return this.json.readValue(bytes, Event.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
