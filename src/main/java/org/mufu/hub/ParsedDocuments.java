package org.mufu.hub;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated GraphQL documents, kept by their text: a channel app sends the same feed query all day,
 * and parsing and validating it again cost more than running it. Variables stay outside the text, so one
 * document serves every page and every channel. Only valid documents are kept, the least recently used leaving
 * first once the cache holds {@code hub.graphql.documents-kept} of them or {@code documents-kept-size} (estimated
 * from their text); a document too large to keep is parsed each time. Aliases are counted here, once per
 * document: a request repeating one field under many names is refused before anything runs.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/* A parsed and validated tree takes roughly this many bytes per character of the text it came from. */
	static final int BYTES_PER_CHARACTER = 16;

	private final Cache<String, PreparsedDocumentEntry> kept;

	private final long largestKept;

	private final int maxAliases;

	/*
	 * Caffeine bounds a cache by weight or by count, not both: every document weighs at least a documentsKept-th
	 * of the budget, so no more than documentsKept fit.
	 */
	private final long lightest;

	private final MessageSource messages;

	ParsedDocuments(GraphQlLimits limits, MessageSource messages) {
		this.messages = messages;
		long budget = limits.documentsKeptSize().toBytes();
		this.lightest = Math.max(1, budget / Math.max(1, limits.documentsKept()));
		this.largestKept = budget / 10;
		this.maxAliases = limits.maxAliases();
		this.kept = Caffeine.newBuilder()
			.maximumWeight(budget)
			.weigher((String text, PreparsedDocumentEntry entry) -> weight(text))
			.build();
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String text = input.getQuery();
		PreparsedDocumentEntry entry = this.kept.getIfPresent(text);
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				int aliases = aliases(entry.getDocument());
				if (aliases > this.maxAliases) {
					return CompletableFuture.completedFuture(new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
						.errorType(ErrorKind.BAD_REQUEST)
						.message(this.messages.getMessage("limits.too-many-aliases",
								new Object[] { aliases, this.maxAliases },
								input.getLocale() != null ? input.getLocale() : Messages.DEFAULT_LOCALE))
						.build()));
				}
				if (weight(text) <= this.largestKept) {
					this.kept.put(text, entry);
				}
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** How many documents are kept now. */
	long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	private int weight(String text) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(this.lightest, (long) text.length() * BYTES_PER_CHARACTER));
	}

	/** Aliased fields in a document, each written occurrence once (a fragment's once, however often it is spread). */
	static int aliases(Document document) {
		int count = 0;
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				count += aliases(operation.getSelectionSet());
			}
			else if (definition instanceof FragmentDefinition fragment) {
				count += aliases(fragment.getSelectionSet());
			}
		}
		return count;
	}

	private static int aliases(SelectionSet selections) {
		if (selections == null) {
			return 0;
		}
		int count = 0;
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				count += (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet());
			}
			else if (selection instanceof InlineFragment inline) {
				count += aliases(inline.getSelectionSet());
			}
		}
		return count;
	}
}
