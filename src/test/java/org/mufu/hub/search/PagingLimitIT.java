package org.mufu.hub.search;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagingLimitIT extends IntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	ContentSearch engine;

	@Test
	void aCallerPagingThroughManyListsAtOnceHoldsFiveOpenAndItsOldestExpires() {
		Caller editor = new Caller("liuyang", Role.EDITOR);
		List<String> thirdPages = new ArrayList<>();
		for (int i = 0; i < ContentSearch.POINTS_IN_TIME_PER_CALLER + 1; i++) {
			String second = page(editor, null).endCursor();
			thirdPages.add(page(editor, second).endCursor());
		}

		assertThat(this.engine.pointsInTimeHeld("liuyang:EDITOR")).isEqualTo(ContentSearch.POINTS_IN_TIME_PER_CALLER);
		HubException expired = catchThrowableOfType(HubException.class, () -> page(editor, thirdPages.get(0)));
		assertThat(expired.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
		assertThat(expired.key()).isEqualTo("search.results-expired");
		assertThat(expired.getMessage()).contains("expired");
		assertThat(page(editor, thirdPages.get(thirdPages.size() - 1)).hits()).hasSize(1);
		// another caller's share is its own
		assertThat(this.engine.pointsInTimeHeld("xiushui:EDITOR")).isZero();
	}

	private SearchResult page(Caller caller, String after) {
		return Callers.as(caller, () -> this.search.search(caller, null, null, null, 1, after));
	}
}
