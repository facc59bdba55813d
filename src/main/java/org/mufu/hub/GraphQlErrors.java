package org.mufu.hub;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Classifies every failure of a GraphQL field; no exception text or stack reaches the response. */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Errors.Described described = Errors.describe(ex);
		if (described == null) {
			if (ex instanceof org.springframework.security.core.AuthenticationException) {
				return null; // Spring GraphQL's security resolver classifies these
			}
			described = Errors.unexpected(ex);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(described.kind())
			.message(described.message())
			.build();
	}
}
