package org.mufu.hub;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON of records, packs and index documents. Times such as {@code 2026-11-23T11:23:56.978Z} or with a
 * {@code +08:00} offset are read by ITU; anything else (numbers, ISO forms beyond RFC 3339) goes to Jackson's own
 * reader. That reader has the JDK build a whole new formatter for every time it parses, which made reading a feed
 * page's items from Elasticsearch a third of all a feed request allocated.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer instants() {
		return builder -> builder.deserializerByType(Instant.class, new Rfc3339Instants());
	}

	static final class Rfc3339Instants extends StdScalarDeserializer<Instant> {

		Rfc3339Instants() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				try {
					return ITU.parseDateTime(parser.getText()).toInstant();
				}
				catch (DateTimeException ex) {
					// not RFC 3339: Jackson's reader accepts or refuses it with its own message
				}
			}
			return InstantDeserializer.INSTANT.deserialize(parser, context);
		}
	}
}
