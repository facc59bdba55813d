package org.mufu.hub.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved searches are each caller's own, replaced by name, and none is lost when several are saved at once. */
class SavedSearchesIT extends IntegrationTest {

	@Autowired
	SavedSearches searches;

	@Test
	void aSavedSearchIsTheCallersOwnAndReplacedByName() {
		this.testers.uploader("xiushui").documentName("saveSearch").variable("name", "茶园")
			.variable("link", "/console/archive?q=茶园").execute()
			.path("saveSearch[0].name").entity(String.class).isEqualTo("茶园");
		this.testers.uploader("xiushui").documentName("saveSearch").variable("name", "茶园")
			.variable("link", "/console/archive?q=宁红茶").execute();

		this.testers.uploader("xiushui").documentName("savedSearches").execute()
			.path("savedSearches[*].link").entityList(String.class).containsExactly("/console/archive?q=宁红茶");
		this.testers.editor("xiushui").documentName("savedSearches").execute()
			.path("savedSearches").entityList(Object.class).hasSize(0);
	}

	@Test
	void aLinkOutsideTheArchiveIsRefused() {
		this.testers.uploader("liuyang").documentName("saveSearch").variable("name", "x")
			.variable("link", "https://elsewhere.example/").execute().errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	@Test
	void searchesSavedAtOnceAreAllKept() {
		Caller caller = new Caller("tongcheng", Role.EDITOR, "tongcheng.racer");
		List<CompletableFuture<Void>> saving = IntStream.range(0, 8)
			.mapToObj(i -> CompletableFuture.runAsync(() -> Callers.as(caller,
					() -> this.searches.save(caller, "search " + i, "/console/archive?q=" + i))))
			.toList();
		saving.forEach(CompletableFuture::join);
		assertThat(Callers.as(caller, () -> this.searches.of(caller))).hasSize(8);
	}
}
