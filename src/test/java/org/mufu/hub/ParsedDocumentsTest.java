package org.mufu.hub;

import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentsTest {

	private static final Function<ExecutionInput, PreparsedDocumentEntry> PARSE = input -> new PreparsedDocumentEntry(
			Parser.parse(input.getQuery()));

	@Test
	void keepsNoMoreDocumentsThanItsCount() {
		ParsedDocuments documents = new ParsedDocuments(limits(50, DataSize.ofMegabytes(64)), Messages.bundle());

		for (int i = 0; i < 1000; i++) {
			documents.getDocumentAsync(ExecutionInput.newExecutionInput("{ a" + i + " }").build(), PARSE).join();
		}

		assertThat(documents.size()).isLessThanOrEqualTo(50);
	}

	@Test
	void keepsNoMoreThanItsSizeAndNeverAHugeDocument() {
		ParsedDocuments documents = new ParsedDocuments(limits(1000, DataSize.ofKilobytes(256)), Messages.bundle());
		String padding = " ".repeat(1000);

		for (int i = 0; i < 1000; i++) {
			documents.getDocumentAsync(ExecutionInput.newExecutionInput("{ a" + i + padding + " }").build(), PARSE)
				.join();
		}
		// 16 bytes per character: a kilobyte of text weighs 16 KB, so 256 KB holds about 16 of them
		assertThat(documents.size()).isLessThanOrEqualTo(16);

		ParsedDocuments empty = new ParsedDocuments(limits(1000, DataSize.ofKilobytes(256)), Messages.bundle());
		empty.getDocumentAsync(ExecutionInput.newExecutionInput("{ a" + " ".repeat(100_000) + " }").build(), PARSE)
			.join();
		assertThat(empty.size()).isZero();
	}

	@Test
	void refusesADocumentWithTooManyAliasesAndKeepsItNot() {
		ParsedDocuments documents = new ParsedDocuments(limits(100, DataSize.ofMegabytes(4)), Messages.bundle());
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 21; i++) {
			query.append(" a").append(i).append(": contents(first: 1) { id }");
		}
		query.append(" }");

		PreparsedDocumentEntry entry = documents
			.getDocumentAsync(ExecutionInput.newExecutionInput(query.toString()).build(), PARSE)
			.join();

		assertThat(entry.hasErrors()).isTrue();
		assertThat(entry.getErrors().get(0).getErrorType()).isEqualTo(ErrorKind.BAD_REQUEST);
		assertThat(entry.getErrors().get(0).getMessage()).contains("21");
		assertThat(documents.size()).isZero();
	}

	@Test
	void countsAliasesInFragmentsOnceEach() {
		assertThat(ParsedDocuments.aliases(Parser.parse("""
				query { x: feed { ...F } y: feed { ...F } ... on Query { z: hub { version } } }
				fragment F on Feed { e: edges { n: node { id } } }
				"""))).isEqualTo(5);
	}

	private static GraphQlLimits limits(int kept, DataSize size) {
		return new GraphQlLimits(12, 5000, 20, 2000, 200, kept, size);
	}
}
