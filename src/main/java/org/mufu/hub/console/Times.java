package org.mufu.hub.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * Times as people read and type them: in their member's time zone ({@code Asia/Shanghai} unless it says
 * otherwise), never in UTC. Templates call it as {@code @times}.
 */
@Component("times")
class Times {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/** An API time (RFC 3339) as the member's local date and time, or empty. */
	public String local(Object value, String zone) {
		Instant instant = instant(value);
		return instant == null ? "" : SHOWN.format(instant.atZone(ZoneId.of(zone)));
	}

	/**
	 * A capture time as the file records it (ISO-8601, with or without an offset): with an offset, moved into the
	 * member's zone; without one, the camera's own clock as it was. Shown like every other time, to the minute.
	 */
	public String taken(Object value, String zone) {
		if (value == null) {
			return "";
		}
		Instant instant = instant(value);
		if (instant != null) {
			return SHOWN.format(instant.atZone(ZoneId.of(zone)));
		}
		try {
			return SHOWN.format(LocalDateTime.parse(value.toString()));
		}
		catch (DateTimeParseException ex) {
			return value.toString();
		}
	}

	/** The same, as a {@code datetime-local} field's value. */
	public String input(Object value, String zone) {
		Instant instant = instant(value);
		return instant == null ? "" : INPUT.format(instant.atZone(ZoneId.of(zone)));
	}

	/** Whether an API time is still to come: a scheduled publishing time, say. */
	public boolean future(Object value) {
		Instant instant = instant(value);
		return instant != null && instant.isAfter(Instant.now());
	}

	/** Tomorrow at the given hour in the member's zone, as a {@code datetime-local} value: a publishing time to offer. */
	public String tomorrowAt(int hour, String zone) {
		return INPUT.format(java.time.LocalDate.now(ZoneId.of(zone)).plusDays(1).atTime(hour, 0));
	}

	/** A time zone as people call it in their language (中国时间, China Time), not its IANA id. */
	public String zoneName(String zone, java.util.Locale locale) {
		return ZoneId.of(zone).getDisplayName(java.time.format.TextStyle.FULL, locale);
	}

	/** A {@code datetime-local} field's value, read in the member's zone, as the API's RFC 3339 instant. */
	static String fromInput(String local, String zone) {
		if (local == null || local.isBlank()) {
			return null;
		}
		return LocalDateTime.parse(local, INPUT).atZone(ZoneId.of(zone)).toOffsetDateTime().toString();
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.toString()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
