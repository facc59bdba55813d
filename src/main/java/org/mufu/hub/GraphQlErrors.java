package org.mufu.hub;

import java.util.Locale;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.MessageSource;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Classifies every failure of a GraphQL field; no exception text or stack reaches the response. The message is in
 * the request's language, which Spring GraphQL takes from the locale the web layer resolved (Accept-Language).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private final MessageSource messages;

	GraphQlErrors(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Locale locale = env.getLocale() != null ? env.getLocale() : Messages.DEFAULT_LOCALE;
		Errors.Described described = Errors.describe(ex, this.messages, locale);
		if (described == null) {
			if (ex instanceof org.springframework.security.core.AuthenticationException) {
				return null; // Spring GraphQL's security resolver classifies these
			}
			described = Errors.unexpected(ex, this.messages, locale);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(described.kind())
			.message(described.message())
			.build();
	}
}
