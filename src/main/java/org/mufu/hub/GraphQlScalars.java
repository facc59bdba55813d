package org.mufu.hub;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import com.ethlo.time.ITU;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.EnumValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The scalars of {@code schema/common.graphqls}, from graphql-java's extended scalars. Records keep time as
 * {@link Instant}; DateTime shows it in UTC, to the millisecond.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(dateTime()).scalar(ExtendedScalars.GraphQLLong).scalar(channel());
	}

	/** A channel's name as configured (TV, WECHAT, SHORT_VIDEO, ...): a scalar, so a new channel needs no schema change. */
	private static GraphQLScalarType channel() {
		return GraphQLScalarType.newScalar()
			.name("Channel")
			.description("A configured channel, e.g. TV, WECHAT or SHORT_VIDEO; written bare (WECHAT) or quoted.")
			.coercing(new Coercing<String, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					return value.toString();
				}

				@Override
				public String parseValue(Object input, GraphQLContext context, Locale locale) {
					return input.toString().toUpperCase(Locale.ROOT);
				}

				@Override
				public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof EnumValue name) {
						return name.getName().toUpperCase(Locale.ROOT);
					}
					if (input instanceof StringValue text) {
						return text.getValue().toUpperCase(Locale.ROOT);
					}
					throw new CoercingParseLiteralException(Messages.inWords(locale, "channel.not-a-name"));
				}
			})
			.build();
	}

	@SuppressWarnings("unchecked")
	static GraphQLScalarType dateTime() {
		Coercing<Object, String> iso = (Coercing<Object, String>) ExtendedScalars.DateTime.getCoercing();
		return GraphQLScalarType.newScalar(ExtendedScalars.DateTime).coercing(new Coercing<Object, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				if (value instanceof Instant instant) {
					// the same text as the extended scalar's formatter writes; that one allocated a BigDecimal and
					// a dozen other objects per time, 7% of all a feed request allocated (JFR)
					return ITU.formatUtcMilli(instant.atOffset(ZoneOffset.UTC));
				}
				return iso.serialize(value, context, locale);
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				return iso.parseValue(input, context, locale);
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				return iso.parseLiteral(input, variables, context, locale);
			}
		}).build();
	}
}
