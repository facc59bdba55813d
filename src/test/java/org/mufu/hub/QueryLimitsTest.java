package org.mufu.hub;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryLimitsTest {

	private final QueryLimits.ArgumentLimits limits = new QueryLimits.ArgumentLimits(2000, 200);

	@Test
	void aSuggestionPrefixTakesSixtyFourCharacters() {
		assertThatNoException().isThrownBy(() -> this.limits.check("prefix", "黄".repeat(64)));
		assertThatThrownBy(() -> this.limits.check("prefix", "黄".repeat(65))).isInstanceOf(HubException.class)
			.hasMessageContaining("65")
			.hasMessageContaining("64");
	}

	@Test
	void nestedInputsAndListsAreChecked() {
		assertThatThrownBy(() -> this.limits.check("input", Map.of("tags", List.of("x".repeat(2001)))))
			.isInstanceOf(HubException.class)
			.hasMessageContaining("tags");
		assertThatThrownBy(() -> this.limits.check("input", Map.of("assetIds", java.util.Collections.nCopies(201, "a"))))
			.isInstanceOf(HubException.class)
			.hasMessageContaining("201");
		assertThatNoException().isThrownBy(() -> this.limits.check("input", Map.of("body", "<p>" + "字".repeat(50_000)
				+ "</p>", "title", "黄袍山")));
	}

	@Test
	void aListTakingFirstCostsItsSelectionThatManyTimes() {
		var calculator = QueryLimits.listSizesCounted();
		var environment = new graphql.analysis.FieldComplexityEnvironment(null, null, null, Map.of("first", 100), null);

		assertThat(calculator.calculate(environment, 3)).isEqualTo(301);
		assertThat(calculator.calculate(new graphql.analysis.FieldComplexityEnvironment(null, null, null, Map.of(),
				null), 3)).isEqualTo(4);
	}
}
