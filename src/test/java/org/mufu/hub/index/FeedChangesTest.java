package org.mufu.hub.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeType;

import static org.assertj.core.api.Assertions.assertThat;

class FeedChangesTest {

	private static final FeedChanges.Prior ON_WECHAT_AND_TV = new FeedChanges.Prior(
			Map.of("WECHAT", 12L, "TV", 14L), "tongcheng", true, List.of("花季"));

	@Test
	void anApprovedRevisionTellsEveryChannelTheItemStaysOn() {
		List<FeedChanges.Entry> told = FeedChanges.of(change(40, ChangeType.CONTENT_REVISED),
				ON_WECHAT_AND_TV, after(Map.of("WECHAT", 12L, "TV", 14L), true));

		assertThat(told).extracting(FeedChanges.Entry::channel).containsExactlyInAnyOrder("WECHAT", "TV");
		assertThat(told).allSatisfy(entry -> {
			assertThat(entry.change()).isEqualTo(FeedChanges.Kind.CHANGED);
			assertThat(entry.seq()).isEqualTo(40);
			assertThat(entry.owner()).isEqualTo("tongcheng");
			assertThat(entry.alliance()).isTrue();
		});
	}

	@Test
	void publishingToAnotherChannelTellsNoOneOfAChange() {
		assertThat(FeedChanges.of(change(40, ChangeType.CONTENT_PUBLISHED), ON_WECHAT_AND_TV,
				after(Map.of("WECHAT", 12L, "TV", 14L, "SHORT_VIDEO", 40L), true))).isEmpty();
	}

	@Test
	void leavingAChannelIsToldWithItsReason() {
		assertThat(FeedChanges.of(change(41, ChangeType.CONTENT_EXPIRED), ON_WECHAT_AND_TV, FeedChanges.Prior.NONE))
			.extracting(FeedChanges.Entry::change)
			.containsOnly(FeedChanges.Kind.EXPIRED)
			.hasSize(2);
		assertThat(FeedChanges.of(change(41, ChangeType.CONTENT_DELETED), ON_WECHAT_AND_TV, FeedChanges.Prior.NONE))
			.extracting(FeedChanges.Entry::change)
			.containsOnly(FeedChanges.Kind.DELETED);
		// published again to WeChat alone: TV's apps are told it is gone, WeChat's nothing
		assertThat(FeedChanges.of(change(42, ChangeType.CONTENT_PUBLISHED), ON_WECHAT_AND_TV, after(Map.of("WECHAT", 12L), true)))
			.extracting(FeedChanges.Entry::channel, FeedChanges.Entry::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("TV", FeedChanges.Kind.WITHDRAWN));
	}

	@Test
	void anItemNoAppReceivedTellsNothing() {
		assertThat(FeedChanges.of(change(43, ChangeType.CONTENT_WITHDRAWN), FeedChanges.Prior.NONE, FeedChanges.Prior.NONE)).isEmpty();
	}

	@Test
	void appliedAgainAfterItsPositionsWereWrittenItTellsNothingNew() {
		// the second time an entry applies, the index already holds what the first wrote: nothing left to tell,
		// which is why what the first told is written before the item's document
		FeedChanges.Prior written = new FeedChanges.Prior(Map.of(), "tongcheng", true, List.of());

		assertThat(FeedChanges.of(change(44, ChangeType.CONTENT_WITHDRAWN), written, written)).isEmpty();
	}

	@Test
	void narrowedToItsCountyTheOwnersAppsHearOfAChangeAndTheOthersOfAWithdrawal() {
		List<FeedChanges.Entry> told = FeedChanges.of(change(45, ChangeType.CONTENT_REVISED), ON_WECHAT_AND_TV,
				after(Map.of("WECHAT", 12L), false));

		assertThat(told).extracting(FeedChanges.Entry::channel, FeedChanges.Entry::change, FeedChanges.Entry::audience)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("WECHAT", FeedChanges.Kind.CHANGED, FeedChanges.Audience.OWNER),
					org.assertj.core.groups.Tuple.tuple("WECHAT", FeedChanges.Kind.WITHDRAWN, FeedChanges.Audience.OTHERS),
					org.assertj.core.groups.Tuple.tuple("TV", FeedChanges.Kind.WITHDRAWN, FeedChanges.Audience.ALL));
	}

	private static FeedChanges.Prior after(Map<String, Long> positions, boolean alliance) {
		return new FeedChanges.Prior(positions, "tongcheng", alliance, List.of("花季"));
	}

	private static Change change(long seq, ChangeType type) {
		return new Change(seq, type, "mwsv2d3ttjfrgccp", 3, "liuyang:EDITOR", Instant.now(), List.of(), null);
	}
}
