package org.mufu.hub.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mufu.hub.security.AccessPolicy.Holding;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

	private static final Caller TONGCHENG_UPLOADER = new Caller("tongcheng", Role.UPLOADER);

	private static final Caller TONGCHENG_CHANNEL = new Caller("tongcheng", Role.CHANNEL);

	private static final Caller LIUYANG_EDITOR = new Caller("liuyang", Role.EDITOR);

	@Test
	void anotherMembersCountyItemIsReadByEditorsOnly() {
		Holding countyDraft = new Holding("pingjiang", false, false);

		assertThat(AccessPolicy.mayRead(TONGCHENG_UPLOADER, countyDraft)).isFalse();
		assertThat(AccessPolicy.mayRead(TONGCHENG_CHANNEL, countyDraft)).isFalse();
		assertThat(AccessPolicy.mayRead(LIUYANG_EDITOR, countyDraft)).isTrue();
		assertThat(AccessPolicy.mayRead(new Caller("pingjiang", Role.CHANNEL), countyDraft)).isTrue();
	}

	@Test
	void channelAppsReadOtherMembersSharedItemsOnceTheyArePublished() {
		assertThat(AccessPolicy.mayRead(TONGCHENG_CHANNEL, new Holding("pingjiang", true, false))).isFalse();
		assertThat(AccessPolicy.mayRead(TONGCHENG_CHANNEL, new Holding("pingjiang", true, true))).isTrue();
		assertThat(AccessPolicy.mayRead(TONGCHENG_UPLOADER, new Holding("pingjiang", true, false))).isTrue();
	}

	@Test
	void onlyTheOwnersUploadersAndEditorsChange() {
		assertThat(AccessPolicy.mayChange(TONGCHENG_UPLOADER, "tongcheng")).isTrue();
		assertThat(AccessPolicy.mayChange(TONGCHENG_UPLOADER, "pingjiang")).isFalse();
		assertThat(AccessPolicy.mayChange(TONGCHENG_CHANNEL, "tongcheng")).isFalse();
		assertThat(AccessPolicy.mayChange(LIUYANG_EDITOR, "pingjiang")).isTrue();
	}

	@Test
	void anotherMembersAssetIsUsableOnlyWhileItsOwnerSharesIt() {
		assertThat(AccessPolicy.mayUse("tongcheng", "tongcheng", List.of())).isTrue();
		assertThat(AccessPolicy.mayUse("tongcheng", "pingjiang", List.of())).isFalse();
		assertThat(AccessPolicy.mayUse("tongcheng", "pingjiang", List.of(new Holding("pingjiang", false, true))))
			.isFalse();
		assertThat(AccessPolicy.mayUse("tongcheng", "pingjiang", List.of(new Holding("pingjiang", true, false))))
			.isTrue();
	}

	@Test
	void anItemUsingAnAssetDoesNotShareItForItsOwner() {
		// tongcheng put pingjiang's picture in an ALLIANCE item; that alone does not make the picture shared
		List<Holding> users = List.of(new Holding("tongcheng", true, true), new Holding("pingjiang", false, false));

		assertThat(AccessPolicy.mayUse("xiushui", "pingjiang", users)).isFalse();
		assertThat(AccessPolicy.mayReadAsset(new Caller("xiushui", Role.CHANNEL), "pingjiang", users)).isFalse();
		assertThat(AccessPolicy.mayReadAsset(new Caller("pingjiang", Role.CHANNEL), "pingjiang", users)).isTrue();
	}

	@Test
	void aSharedAssetIsReadThroughAnyItemTheReaderMayRead() {
		List<Holding> users = List.of(new Holding("pingjiang", true, false), new Holding("tongcheng", false, true));

		assertThat(AccessPolicy.mayReadAsset(TONGCHENG_CHANNEL, "pingjiang", users)).isTrue();
		assertThat(AccessPolicy.mayReadAsset(new Caller("xiushui", Role.CHANNEL), "pingjiang", users)).isFalse();
		assertThat(AccessPolicy.mayReadAsset(new Caller("xiushui", Role.UPLOADER), "pingjiang", users)).isTrue();
	}

	@Test
	void indexQueriesAreScopedForEveryoneButEditorsAndAdmins() {
		assertThat(AccessPolicy.readerScope(TONGCHENG_UPLOADER)).isEqualTo("tongcheng");
		assertThat(AccessPolicy.readerScope(TONGCHENG_CHANNEL)).isEqualTo("tongcheng");
		assertThat(AccessPolicy.readerScope(LIUYANG_EDITOR)).isNull();
		assertThat(AccessPolicy.readerScope(new Caller("liuyang", Role.ADMIN))).isNull();
	}
}
