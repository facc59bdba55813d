package org.mufu.hub;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlScalarsTest {

	private final Coercing<?, ?> hub = GraphQlScalars.dateTime().getCoercing();

	private final Coercing<?, ?> extended = ExtendedScalars.DateTime.getCoercing();

	@Test
	void instantsAreWrittenAsTheExtendedScalarWritesThemInUtc() {
		Random random = new Random(3);
		for (int i = 0; i < 5_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
					random.nextInt(1_000_000_000));
			assertThat(serialize(this.hub, instant)).isEqualTo(serialize(this.extended, instant.atOffset(ZoneOffset.UTC)));
		}
	}

	@Test
	void wholeSecondsKeepTheirMillisecondsAndOffsetsAreKept() {
		assertThat(serialize(this.hub, Instant.parse("2026-11-23T11:23:56Z"))).isEqualTo("2026-11-23T11:23:56.000Z");
		assertThat(serialize(this.hub, OffsetDateTime.parse("2026-11-23T19:23:56.5+08:00")))
			.isEqualTo("2026-11-23T19:23:56.500+08:00");
	}

	private static Object serialize(Coercing<?, ?> coercing, Object value) {
		return coercing.serialize(value, GraphQLContext.getDefault(), Locale.ROOT);
	}
}
