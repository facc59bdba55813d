package org.mufu.hub;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON of records, packs and index documents. Times in the shape the hub writes them
 * ({@code 2026-11-23T11:23:56.978Z}) are read digit by digit; anything else (offsets such as {@code +08:00},
 * numbers) goes to Jackson's own reader. That reader has the JDK build a whole new formatter for every time it
 * parses, which made reading a feed page's items from Elasticsearch a third of all a feed request allocated.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer instants() {
		return builder -> builder.deserializerByType(Instant.class, new UtcInstants());
	}

	static final class UtcInstants extends StdScalarDeserializer<Instant> {

		UtcInstants() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				Instant read = parse(parser.getText());
				if (read != null) {
					return read;
				}
			}
			return InstantDeserializer.INSTANT.deserialize(parser, context);
		}

		/** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or null for any other shape. */
		static Instant parse(String text) {
			int length = text.length();
			if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
					|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
					|| text.charAt(16) != ':') {
				return null;
			}
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 2);
			int day = digits(text, 8, 2);
			int hour = digits(text, 11, 2);
			int minute = digits(text, 14, 2);
			int second = digits(text, 17, 2);
			int nanos = 0;
			if (length > 20) {
				int fraction = length - 21;
				if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
					return null;
				}
				nanos = digits(text, 20, fraction);
				for (int i = fraction; i < 9; i++) {
					nanos *= 10;
				}
			}
			if (year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
					|| nanos < 0) {
				return null;
			}
			try {
				long days = LocalDate.of(year, month, day).toEpochDay();
				return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		/** The number written by {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
		private static int digits(String text, int start, int count) {
			int value = 0;
			for (int i = start; i < start + count; i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				value = value * 10 + (c - '0');
			}
			return value;
		}
	}
}
