package org.mufu.hub.channel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.content.ContentStatus;
import org.mufu.hub.content.Visibility;
import org.mufu.hub.metadata.MediaKind;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The reasons an item is kept off a channel: which field each concerns, and how each reads in both languages. */
class ChannelReadinessTest {

	private static final ChannelProfile WECHAT = new ChannelProfile("WeChat", List.of(ContentKind.ARTICLE), List.of(),
			new ChannelProfile.Rules(32, 16, 128, 54, 20_000, DataSize.ofMegabytes(1), true, null, null, null, null,
					null));

	private static final ChannelProfile SHORT_VIDEO = new ChannelProfile("Short video", List.of(ContentKind.VIDEO),
			List.of(), new ChannelProfile.Rules(null, null, null, 54, null, null, false,
					ChannelProfile.VideoOrientation.PORTRAIT, Duration.ofMinutes(15), DataSize.ofGigabytes(4), 25.0,
					List.of("video/mp4")));

	private static final ChannelProfile TV = new ChannelProfile("TV", List.of(ContentKind.ARTICLE),
			List.of(new RenditionSpec("tv-landscape", 1920, 1080, RenditionSpec.Mode.CROP, 0.9f)),
			new ChannelProfile.Rules(null, null, null, 54, null, null, false, null, null, null, null, null));

	private final AssetService assets = mock(AssetService.class);

	private final ChannelReadiness readiness = new ChannelReadiness(
			new ChannelCatalog(Map.of("WECHAT", WECHAT, "SHORT_VIDEO", SHORT_VIDEO, "TV", TV), null), this.assets,
			mock(RenditionService.class));

	private final ResourceBundleMessageSource messages = bundles();

	@Test
	void aLongTitleIsAReasonAboutTheTitle() {
		ContentItem item = article("幕阜山".repeat(13) + "云海", "<p>正文</p>");

		Readiness wechat = this.readiness.check(item, "WECHAT");

		assertThat(wechat.ready()).isFalse();
		assertThat(wechat.reasons()).extracting(Reason::code, Reason::field)
			.containsExactly(tuple("title-too-long", "title"));
		assertThat(inChinese(wechat)).containsExactly("微信标题最多 32 个字，现在是 41 个字。");
		assertThat(inEnglish(wechat)).containsExactly("WeChat title has 41 characters; the limit is 32.");
	}

	@Test
	void aMissingCoverNamesThePictureAsPeopleCallItNotByItsRenditionName() {
		Readiness tv = this.readiness.check(article("杜鹃", "<p>正文</p>"), "TV");

		assertThat(tv.reasons()).extracting(Reason::code, Reason::field).containsExactly(tuple("cover-missing", "cover"));
		assertThat(inChinese(tv)).containsExactly("无法生成电视 16:9 画面：稿件没有封面图。");
		assertThat(inEnglish(tv)).containsExactly("no TV 16:9 frame: the item has no cover picture to make it from.");
	}

	@Test
	void anArticleIsNoShortVideo() {
		Readiness shortVideo = this.readiness.check(article("杜鹃", "<p>正文</p>"), "SHORT_VIDEO");

		assertThat(shortVideo.reasons()).extracting(Reason::field).containsExactly("kind");
		assertThat(inChinese(shortVideo)).containsExactly("短视频只发视频稿件，这篇是图文稿件。");
		assertThat(inEnglish(shortVideo)).containsExactly("Short video takes videos; this item is an article.");
	}

	@Test
	void aLandscapeClipOfTwentyMinutesAtNtscRatesIsThreeReasonsAboutTheVideo() {
		// an asset's builder is the content package's own; the readiness rules read only these properties
		Asset clip = mock(Asset.class);
		when(clip.kind()).thenReturn(MediaKind.VIDEO);
		when(clip.contentType()).thenReturn("video/mp4");
		when(clip.byteSize()).thenReturn(1_024_000L);
		when(clip.displayWidth()).thenReturn(1920);
		when(clip.displayHeight()).thenReturn(1080);
		when(clip.durationSeconds()).thenReturn(1200.4);
		when(clip.frameRate()).thenReturn(29.97);
		when(this.assets.find("clip1")).thenReturn(Optional.of(clip));
		ContentItem item = article("浏阳河", null).toBuilder().kind(ContentKind.VIDEO).videoAssetId("clip1").build();

		Readiness shortVideo = this.readiness.check(item, "SHORT_VIDEO");

		assertThat(shortVideo.reasons()).extracting(Reason::code)
			.containsExactly("video-not-vertical", "video-too-long", "video-frame-rate");
		assertThat(shortVideo.reasons()).extracting(Reason::field).containsOnly("video");
		assertThat(inChinese(shortVideo)).containsExactly("短视频只发竖屏视频，这段视频是 1920x1080。",
				"短视频最长 15 分钟，这段视频有 1200 秒。", "短视频播出帧率是 25 帧/秒，这段视频是 29.97 帧/秒。");
		assertThat(inEnglish(shortVideo)).containsExactly("Short video takes vertical video; the clip is 1920x1080.",
				"Short video takes clips of up to 15 minutes; this one runs 1200 seconds.",
				"Short video plays 25 fps; the clip has 29.97 fps.");
	}

	private List<String> inChinese(Readiness readiness) {
		return readiness.reasons().stream().map(reason -> this.messages.getMessage(reason, Locale.SIMPLIFIED_CHINESE))
			.toList();
	}

	private List<String> inEnglish(Readiness readiness) {
		return readiness.reasons().stream().map(reason -> this.messages.getMessage(reason, Locale.ENGLISH)).toList();
	}

	/* the bundles as spring.messages configures them */
	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		return source;
	}

	private static ContentItem article(String title, String body) {
		return ContentItem.builder()
			.id("mwsv2d3ttjfrgccp")
			.kind(ContentKind.ARTICLE)
			.owner("tongcheng")
			.status(ContentStatus.IN_REVIEW)
			.title(title)
			.body(body)
			.visibility(Visibility.ALLIANCE)
			.language("zh-CN")
			.version(1)
			.build();
	}
}
