package org.mufu.hub.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeType;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPositionsTest {

	@Test
	void publishingGivesEachNewlyVisibleChannelTheEntrysNumber() {
		Map<String, Long> positions = FeedPositions.after(Map.of(), published(12, "WECHAT"));

		assertThat(positions).containsExactly(Map.entry("WECHAT", 12L));
	}

	@Test
	void addingAChannelLeavesThePositionOnTheOthers() {
		Map<String, Long> positions = FeedPositions.after(Map.of("WECHAT", 12L), published(30, "TV"));

		assertThat(positions).containsEntry("WECHAT", 12L).containsEntry("TV", 30L);
	}

	@Test
	void withdrawingClearsAndRepublishingGivesANewPosition() {
		Map<String, Long> withdrawn = FeedPositions.after(Map.of("WECHAT", 12L), change(20, ChangeType.CONTENT_WITHDRAWN));
		Map<String, Long> again = FeedPositions.after(withdrawn, published(25, "WECHAT"));

		assertThat(withdrawn).isEmpty();
		assertThat(again).containsExactly(Map.entry("WECHAT", 25L));
	}

	@Test
	void anEditKeepsThePosition() {
		assertThat(FeedPositions.after(Map.of("TV", 7L), change(9, ChangeType.CONTENT_CHANGED)))
			.containsExactly(Map.entry("TV", 7L));
	}

	@Test
	void theRecordBoundsThePositionsAndNamesTheChannelsStillToCome() {
		Map<String, Object> fields = item("PUBLISHED", List.of("TV", "WEBSITE"), null);

		Map<String, Long> kept = FeedPositions.write(Map.of("WECHAT", 3L, "TV", 4L), fields);

		assertThat(kept).containsExactly(Map.entry("TV", 4L));
		assertThat(fields.get(FeedPositions.FEED_CHANNELS)).isEqualTo(List.of("TV"));
		assertThat(fields.get(FeedPositions.AWAITING)).isEqualTo(List.of("WEBSITE"));
	}

	@Test
	void anItemRescheduledToLaterLeavesTheFeedAndWaits() {
		Map<String, Object> fields = item("PUBLISHED", List.of("TV"), Instant.now().plusSeconds(3600));

		assertThat(FeedPositions.write(Map.of("TV", 4L), fields)).isEmpty();
		assertThat(fields.get(FeedPositions.AWAITING)).isEqualTo(List.of("TV"));
	}

	@Test
	void aRepeatedVisibilityEntryNeverMovesAnItem() {
		assertThat(FeedPositions.after(Map.of("TV", 7L), published(30, "TV"))).containsExactly(Map.entry("TV", 7L));
	}

	@Test
	void anItemNoLongerPublishedHasNoPositions() {
		Map<String, Object> fields = item("WITHDRAWN", List.of("TV"), null);

		assertThat(FeedPositions.write(Map.of("TV", 4L), fields)).isEmpty();
		assertThat(fields.get(FeedPositions.AWAITING)).isEqualTo(List.of());
	}

	@Test
	void anImportedItemIsVisibleFromItsPacksEntryIfPublishedByThen() {
		Change pack = new Change(40, ChangeType.PACK_IMPORTED, "pack", 1, "import:ADMIN", Instant.now(), List.of(), null);

		assertThat(FeedPositions.imported(pack, item("PUBLISHED", List.of("TV"), Instant.now().minusSeconds(60))))
			.containsExactly(Map.entry("TV", 40L));
		assertThat(FeedPositions.imported(pack, item("PUBLISHED", List.of("TV"), Instant.now().plusSeconds(3600))))
			.isEmpty();
		assertThat(FeedPositions.imported(pack, item("DRAFT", List.of("TV"), null))).isEmpty();
	}

	private static Change published(long seq, String... channels) {
		return new Change(seq, ChangeType.CONTENT_PUBLISHED, "item", 3, "tongcheng:EDITOR", Instant.now(),
				List.of(channels), null);
	}

	private static Change change(long seq, ChangeType type) {
		return new Change(seq, type, "item", 3, "tongcheng:EDITOR", Instant.now(), List.of(), null);
	}

	private static Map<String, Object> item(String status, List<String> channels, Instant publishAt) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("status", status);
		fields.put("channels", channels);
		if (publishAt != null) {
			fields.put("publishAt", publishAt.toString());
		}
		return fields;
	}
}
