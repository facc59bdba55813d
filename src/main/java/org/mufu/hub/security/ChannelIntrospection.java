package org.mufu.hub.security;

import java.util.Map;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Channel apps read their feed with the queries they were built with; they have no need to read the schema, so
 * {@code __schema} and {@code __type} are off for CHANNEL tokens ({@code __typename}, which Apollo and urql add to
 * every selection, stays). Staff keep introspection for GraphiQL unless {@code spring.graphql.schema.introspection.
 * enabled} turns it off for everyone.
 */
@Component
class ChannelIntrospection implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CallerAuthentication caller && caller.getPrincipal().role() == Role.CHANNEL) {
			request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
				.build());
		}
		return chain.next(request);
	}
}
