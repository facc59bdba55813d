package org.mufu.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * The console asks the hub's GraphQL API for everything it shows and does, in the signed-in person's name and
 * language, without a network hop: each page names a document under {@code console/graphql/}. So the console sees
 * exactly what the person's role may see, through the same access policy, limits and error messages as an app.
 */
@Component
class ConsoleGraphQl {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ExecutionGraphQlService graphQl;

	private final Map<String, String> documents = new ConcurrentHashMap<>();

	ConsoleGraphQl(ExecutionGraphQlService graphQl) {
		this.graphQl = graphQl;
	}

	/** Runs {@code console/graphql/{document}.graphql} as the person signed in on this thread. */
	Answer run(String document, Map<String, Object> variables, Locale locale) {
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document(document), null,
				variables, null, UUID.randomUUID().toString(), locale);
		ExecutionGraphQlResponse response = this.graphQl.execute(request).block(TIMEOUT);
		Map<String, Object> data = response != null && response.getData() instanceof Map<?, ?> map
				? castData(map) : Map.of();
		List<ResponseError> errors = response != null ? response.getErrors() : List.of();
		return new Answer(data, errors.stream().map(Problem::of).toList());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castData(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private String document(String name) {
		return this.documents.computeIfAbsent(name, key -> {
			try {
				return new ClassPathResource("console/graphql/" + key + ".graphql")
					.getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The console has no document " + key, ex);
			}
		});
	}

	/** What a document answered: its data (parts may be null) and the problems, already in the person's words. */
	record Answer(Map<String, Object> data, List<Problem> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

		@SuppressWarnings("unchecked")
		<T> T get(String field) {
			return (T) this.data.get(field);
		}
	}

	/** One error of an answer: its kind (CONFLICT, FORBIDDEN, ...), the message, and the field it concerns. */
	record Problem(String kind, String message, String path) {

		static Problem of(ResponseError error) {
			return new Problem(String.valueOf(error.getErrorType()), error.getMessage(), error.getPath());
		}
	}
}
