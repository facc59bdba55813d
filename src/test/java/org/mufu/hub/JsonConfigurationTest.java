package org.mufu.hub;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonConfigurationTest {

	private final ObjectMapper json = json();

	private static ObjectMapper json() {
		Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
		new JsonConfiguration().instants().customize(builder);
		return builder.build();
	}

	@Test
	void readsInstantsInUtcAndWithOffsets() throws Exception {
		List<Instant> read = this.json.readValue(
				"[\"2026-11-23T11:23:56.978Z\", \"2026-11-23T19:23:56.978+08:00\", \"2026-11-23T11:23:56Z\", "
						+ "\"2024-02-29T23:59:59.9Z\", \"1969-12-31T23:59:59.000000001Z\"]",
				new TypeReference<>() {
				});
		assertThat(read).containsExactly(Instant.parse("2026-11-23T11:23:56.978Z"),
				Instant.parse("2026-11-23T11:23:56.978Z"), Instant.parse("2026-11-23T11:23:56Z"),
				Instant.parse("2024-02-29T23:59:59.900Z"), Instant.parse("1969-12-31T23:59:59.000000001Z"));
	}

	@Test
	void refusesTimesThatDoNotExist() {
		for (String wrong : List.of("2026-02-29T10:00:00Z", "2026-11-23T25:00:00Z", "2026-11-23T11:60:00Z",
				"2026-11-2xT11:23:56Z")) {
			assertThatThrownBy(() -> this.json.readValue("\"" + wrong + "\"", Instant.class)).as(wrong)
				.isInstanceOf(JsonMappingException.class);
		}
	}

	@Test
	void readsBackWhatItWritesToTheNanosecond() throws Exception {
		Instant time = Instant.parse("2026-11-23T11:23:56.123456789Z");
		assertThat(this.json.readValue(this.json.writeValueAsString(time), Instant.class)).isEqualTo(time);
	}

	@Test
	void usesTheFasterReaderRatherThanTheDefault() throws Exception {
		DeserializationContext context = ((DefaultDeserializationContext) this.json.getDeserializationContext())
			.createDummyInstance(this.json.getDeserializationConfig());
		assertThat(context.findRootValueDeserializer(this.json.constructType(Instant.class)))
			.isInstanceOf(JsonConfiguration.Rfc3339Instants.class);
	}
}
