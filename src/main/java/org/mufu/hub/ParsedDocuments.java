package org.mufu.hub;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated GraphQL documents, kept by their text: a channel app sends the same feed query all day,
 * and parsing and validating it again cost more than running it. Variables stay outside the text, so one
 * document serves every page and every channel. Only valid documents are kept, and only so many: a client
 * sending endless distinct documents is parsed each time rather than filling memory.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	private static final int MAX_KEPT = 1000;

	private final Map<String, PreparsedDocumentEntry> kept = new ConcurrentHashMap<>();

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.kept.get(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors() && this.kept.size() < MAX_KEPT) {
				this.kept.put(input.getQuery(), entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}
}
