package org.mufu.hub;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What one GraphQL request may ask of the hub: how deep, how much (list sizes counted), how long a string and how
 * long a list in its arguments. The depth and cost checks are graphql-java's own instrumentations, run before any
 * field is fetched; a request over a limit is refused whole with BAD_REQUEST and costs nothing more.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/*
	 * Arguments that take more, or less, than maxStringLength characters: an article body (WeChat takes 20,000;
	 * other channels longer ones), a search's words, and a suggestion's prefix, whose cost in the engine grows with
	 * the square of its length.
	 */
	static final Map<String, Integer> STRING_LIMITS = Map.of("body", 200_000, "query", 256, "prefix", 64);

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits, MessageSource messages) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return inWords(messages, parameters, () -> super.beginExecuteOperation(parameters, state));
			}

			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new Exceeded("limits.query-too-deep", depth, maxDepth);
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits, MessageSource messages) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), listSizesCounted()) {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return inWords(messages, parameters, () -> super.beginExecuteOperation(parameters, state));
			}

			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new Exceeded("limits.query-too-costly", complexity, maxComplexity);
			}
		};
	}

	/* The instrumentations make their refusal without the request at hand; it is put into words here, in its locale. */
	private static InstrumentationContext<ExecutionResult> inWords(MessageSource messages,
			InstrumentationExecuteOperationParameters parameters,
			Supplier<InstrumentationContext<ExecutionResult>> check) {
		try {
			return check.get();
		}
		catch (Exceeded ex) {
			Locale locale = parameters.getExecutionContext().getLocale();
			throw refused(messages.getMessage(ex.message, locale != null ? locale : Messages.DEFAULT_LOCALE));
		}
	}

	/** A limit the request went over: the message key and its arguments, put into words by the caller's locale. */
	static final class Exceeded extends AbortExecutionException {

		private final MessageSourceResolvable message;

		Exceeded(String key, Object... args) {
			super(key);
			this.message = Messages.of(key, args);
		}
	}

	@Bean
	ArgumentLimits argumentLimits(GraphQlLimits limits) {
		return new ArgumentLimits(limits.maxStringLength(), limits.maxListSize());
	}

	/*
	 * A field costs one, plus what it selects; a field taking first costs what it selects that many times, so
	 * contents(first: 100) { id cover { id } } costs 301, not 4.
	 */
	static FieldComplexityCalculator listSizesCounted() {
		return (environment, childComplexity) -> {
			Object first = environment.getArguments().get("first");
			int times = first instanceof Integer count ? Math.max(count, 1) : 1;
			return 1 + times * childComplexity;
		};
	}

	static AbortExecutionException refused(String message) {
		GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorKind.BAD_REQUEST).message(message).build();
		return new AbortExecutionException(List.of(error));
	}

	/**
	 * Refuses a field whose arguments hold a longer string or list than allowed, before its fetcher runs; fields
	 * without arguments, nearly all of them, are left as they are.
	 */
	static final class ArgumentLimits extends SimplePerformantInstrumentation {

		private final int maxString;

		private final int maxList;

		ArgumentLimits(int maxString, int maxList) {
			this.maxString = maxString;
			this.maxList = maxList;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			if (parameters.isTrivialDataFetcher()
					|| parameters.getExecutionStepInfo().getFieldDefinition().getArguments().isEmpty()) {
				return fetcher;
			}
			return environment -> {
				environment.getArguments().forEach((name, value) -> check(name, value));
				return fetcher.get(environment);
			};
		}

		void check(String name, Object value) {
			if (value instanceof CharSequence text) {
				int limit = STRING_LIMITS.getOrDefault(name, this.maxString);
				if (text.length() > limit) {
					throw HubException.badRequest("limits.text-too-long", name, text.length(), limit);
				}
			}
			else if (value instanceof List<?> list) {
				if (list.size() > this.maxList) {
					throw HubException.badRequest("limits.list-too-long", name, list.size(), this.maxList);
				}
				list.forEach(element -> check(name, element));
			}
			else if (value instanceof Map<?, ?> fields) {
				fields.forEach((field, inner) -> check(String.valueOf(field), inner));
			}
		}
	}
}
