package org.mufu.hub.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentItemTest {

	@Test
	void anEditOfADraftTakesEffectAtOnce() {
		ContentItem draft = article(ContentStatus.DRAFT);

		ContentItem edited = draft.edit(draft.toBuilder().title("新标题").build(), "tongcheng:UPLOADER");

		assertThat(edited.title()).isEqualTo("新标题");
		assertThat(edited.pending()).isNull();
		assertThat(edited.version()).isEqualTo(4);
	}

	@Test
	void anEditOfAPublishedItemWaitsBesideItInDraft() {
		ContentItem live = article(ContentStatus.PUBLISHED);

		ContentItem edited = live.edit(live.working().toBuilder().title("新标题").visibility(Visibility.ALLIANCE).build(),
				"tongcheng:UPLOADER");

		assertThat(edited.title()).isEqualTo("杜鹃花开");
		assertThat(edited.visibility()).isEqualTo(Visibility.COUNTY);
		assertThat(edited.pending().title()).isEqualTo("新标题");
		assertThat(edited.pending().status()).isEqualTo(ContentStatus.DRAFT);
		assertThat(edited.version()).isEqualTo(4);
		// a second edit builds on the first and keeps its review status
		ContentItem submitted = edited.pendingMoved(ContentStatus.IN_REVIEW, "tongcheng:UPLOADER", null);
		ContentItem again = submitted.edit(submitted.working().toBuilder().summary("摘要").build(), "tongcheng:UPLOADER");
		assertThat(again.pending().title()).isEqualTo("新标题");
		assertThat(again.pending().summary()).isEqualTo("摘要");
		assertThat(again.pending().status()).isEqualTo(ContentStatus.IN_REVIEW);
		assertThat(again.history()).extracting(ContentItem.Transition::to).containsExactly(ContentStatus.IN_REVIEW);
	}

	@Test
	void approvingTakesTheChangesAndKeepsThePlaceInTheWorkflow() {
		ContentItem live = article(ContentStatus.PUBLISHED);
		ContentItem edited = live.edit(live.working().toBuilder().title("新标题").build(), "tongcheng:UPLOADER");

		ContentItem approved = edited.approved();

		assertThat(approved.title()).isEqualTo("新标题");
		assertThat(approved.status()).isEqualTo(ContentStatus.PUBLISHED);
		assertThat(approved.channels()).containsExactly("WECHAT");
		assertThat(approved.version()).isEqualTo(edited.version());
		assertThat(approved.pending()).isNull();
	}

	@Test
	void thePendingChangesAssetsCountAsUsed() {
		ContentItem live = article(ContentStatus.PUBLISHED);
		ContentItem edited = live.edit(live.working().toBuilder().coverAssetId("newcover").build(), "tongcheng:UPLOADER");

		assertThat(edited.allAssetIds()).contains("cover1", "newcover");
	}

	private static ContentItem article(ContentStatus status) {
		return ContentItem.builder()
			.id("mwsv2d3ttjfrgccp")
			.kind(ContentKind.ARTICLE)
			.owner("tongcheng")
			.status(status)
			.title("杜鹃花开")
			.body("<p>正文</p>")
			.coverAssetId("cover1")
			.visibility(Visibility.COUNTY)
			.version(3)
			.channels(List.of("WECHAT"))
			.build();
	}
}
