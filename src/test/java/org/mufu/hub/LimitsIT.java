package org.mufu.hub;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests that would make the hub or the engine work without bound are refused before they run. */
class LimitsIT extends IntegrationTest {

	@Test
	void aLongSuggestionPrefixIsRefusedAndAShortOneAnswered() {
		HttpGraphQlTester editor = this.testers.editor("tongcheng");

		editor.documentName("suggest").variable("prefix", "黄".repeat(250_000))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
		editor.documentName("suggest").variable("prefix", "黄袍")
			.execute()
			.path("suggest").entityList(String.class).contains("黄袍山");
	}

	@Test
	void aSearchOfAThousandCharactersIsRefused() {
		this.testers.editor("tongcheng").documentName("search").variable("query", "杜鹃".repeat(500))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	@Test
	void manyAliasesAreRefused() {
		String query = IntStream.range(0, 21)
			.mapToObj(i -> "a" + i + ": hub { version }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		this.testers.uploader("pingjiang")
			.document(query)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	@Test
	void listsOfAHundredAskedForManyTimesOverAreRefused() {
		String query = IntStream.range(0, 20)
			.mapToObj(i -> "a" + i + ": contents(first: 100) { id cover { id } }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		this.testers.uploader("pingjiang").document(query)
			.execute()
			.errors()
			.satisfy(errors -> {
				assertClassified(errors, ErrorKind.BAD_REQUEST);
				assertThat(errors.get(0).getMessage()).contains("6020");
			});
	}

	@Test
	void aFullFeedPageWithEveryFieldIsWithinTheLimits() {
		this.testers.channel("xiushui").documentName("feed").variable("channel", "WECHAT").variable("first", 100)
			.execute()
			.errors()
			.verify();
	}

	@Test
	void aDeepQueryIsRefused() {
		String query = "{ contents(first: 1) { " + "pending { ".repeat(20) + "id" + " }".repeat(20) + " } }";

		this.testers.uploader("pingjiang").document(query)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	@Test
	void theIntrospectionQueryOfGraphiQLAndClientLibrariesPasses() {
		String introspection = graphql.introspection.IntrospectionQueryBuilder
			.build(graphql.introspection.IntrospectionQueryBuilder.Options.defaultOptions().typeRefFragmentDepth(9));

		this.testers.uploader("pingjiang").document(introspection)
			.execute()
			.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
	}

	@Test
	void aLongListInAnInputIsRefusedAndNothingIsStored() {
		List<String> tags = IntStream.range(0, 201).mapToObj(i -> "标签" + i).toList();
		String title = "标签过多-" + java.util.UUID.randomUUID();

		this.testers.uploader("pingjiang").documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", title, "body", "<p>正文</p>", "tags", tags))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
		this.testers.editor("pingjiang").documentName("search").variable("query", title)
			.execute()
			.path("search.totalCount").entity(Long.class).isEqualTo(0L);
	}

	@Test
	void aCursorThatDoesNotFitItsSearchIsABadRequest() {
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
				"{\"read\":1,\"after\":[\"x\",\"y\",\"z\",\"w\",\"v\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		for (String cursor : List.of(forged, "not a cursor", Base64.getUrlEncoder().encodeToString("{\"pit\":\"bm9wZQ\",\"read\":1,\"after\":[1]}".getBytes()))) {
			this.testers.editor("tongcheng").documentName("search").variable("query", "杜鹃").variable("after", cursor)
				.execute()
				.errors()
				.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
		}
	}
}
