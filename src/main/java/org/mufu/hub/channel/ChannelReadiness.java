package org.mufu.hub.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mufu.hub.Messages;
import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.metadata.MediaKind;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;

/** Checks an item against a channel's rules and gives every reason that keeps it off, for editors to read. */
@Service
public class ChannelReadiness {

	private static final Pattern IMAGE_TAG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private final ChannelCatalog catalog;

	private final AssetService assets;

	private final RenditionService renditions;

	ChannelReadiness(ChannelCatalog catalog, AssetService assets, RenditionService renditions) {
		this.catalog = catalog;
		this.assets = assets;
		this.renditions = renditions;
	}

	public List<Readiness> checkAll(ContentItem item) {
		return checkAll(item, load(item));
	}

	/** Every channel, with the item's pictures and clip already at hand (keyed by asset id). */
	public List<Readiness> checkAll(ContentItem item, Map<String, Asset> assets) {
		return this.catalog.names().stream().map(channel -> check(item, channel, assets)).toList();
	}

	public Readiness check(ContentItem item, String channel) {
		return check(item, channel, load(item));
	}

	/** The cover (or poster) and the clip the rules look at, each read once for all channels. */
	private Map<String, Asset> load(ContentItem item) {
		Map<String, Asset> assets = new HashMap<>();
		Stream.of(item.coverSourceId(), item.videoAssetId())
			.filter(Objects::nonNull)
			.forEach(id -> this.assets.find(id).ifPresent(asset -> assets.put(id, asset)));
		return assets;
	}

	private Readiness check(ContentItem item, String channel, Map<String, Asset> assets) {
		ChannelProfile profile = this.catalog.require(channel);
		String name = channel.toUpperCase(Locale.ROOT);
		// a channel's name in the reader's language; a channel the bundles do not know goes by its configured label
		MessageSourceResolvable label = Messages.orElse("channel.label." + name,
				profile.label() != null ? profile.label() : name);
		List<Reason> reasons = new ArrayList<>();
		if (profile.kinds() != null && !profile.kinds().isEmpty() && !profile.kinds().contains(item.kind())) {
			reasons.add(Reason.of("kind-not-taken", "kind", label, kinds(profile.kinds()),
					Messages.of("content.kind." + item.kind().name())));
		}
		ChannelProfile.Rules rules = profile.rules();
		View view = View.of(item, name, rules.digestFromBody());
		limit(reasons, "title", label, view.title(), rules.titleMax());
		limit(reasons, "author", label, view.author(), rules.authorMax());
		limit(reasons, "digest", label, view.digest(), rules.digestMax());
		body(reasons, label, item, rules);
		pictures(reasons, item, profile, assets);
		if (item.kind() == ContentKind.VIDEO) {
			video(reasons, label, item, rules, assets);
		}
		return new Readiness(name, reasons.isEmpty(), List.copyOf(reasons));
	}

	private static void limit(List<Reason> reasons, String field, MessageSourceResolvable label, String value,
			Integer max) {
		if (max != null && value != null && value.codePointCount(0, value.length()) > max) {
			reasons.add(Reason.of(field + "-too-long", field, label, value.codePointCount(0, value.length()), max));
		}
	}

	private static void body(List<Reason> reasons, MessageSourceResolvable label, ContentItem item,
			ChannelProfile.Rules rules) {
		String body = item.body() == null ? "" : item.body();
		if (rules.bodyRequired() && body.isBlank()) {
			reasons.add(Reason.of("body-missing", "body", label));
			return;
		}
		if (rules.bodyMaxChars() != null && body.length() >= rules.bodyMaxChars()) {
			reasons.add(Reason.of("body-too-long", "body", label, body.length(), rules.bodyMaxChars()));
		}
		long bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (rules.bodyMaxSize() != null && bytes >= rules.bodyMaxSize().toBytes()) {
			reasons.add(Reason.of("body-too-large", "body", label, bytes, rules.bodyMaxSize().toBytes()));
		}
		if (rules.bodyRequired()) {
			Matcher images = IMAGE_TAG.matcher(body);
			int foreign = 0;
			while (images.find()) {
				if (!images.group().contains("data-asset-id")) {
					foreign++;
				}
			}
			if (foreign > 0) {
				reasons.add(Reason.of("body-links-pictures", "body", label, foreign));
			}
		}
	}

	private void pictures(List<Reason> reasons, ContentItem item, ChannelProfile profile, Map<String, Asset> assets) {
		if (profile.renditions().isEmpty()) {
			return;
		}
		Optional<Asset> source = Optional.ofNullable(item.coverSourceId()).map(assets::get);
		for (RenditionSpec spec : profile.renditions()) {
			if (source.isEmpty() || source.get().kind() != MediaKind.IMAGE) {
				reasons.add(Reason.of(item.kind() == ContentKind.VIDEO ? "poster-missing" : "cover-missing", "cover",
						picture(spec)));
				continue;
			}
			Asset picture = source.get();
			if (this.renditions.tooSmallFor(picture, spec)) {
				reasons.add(Reason.of("cover-too-small", "cover", picture(spec), picture.displayWidth(),
						picture.displayHeight(), spec.width(), spec.height()));
			}
		}
	}

	/* a rendition as people call it (电视 16:9 画面); one the bundles do not know goes by its configured name */
	private static MessageSourceResolvable picture(RenditionSpec spec) {
		return Messages.orElse("rendition.label." + spec.name(), spec.name());
	}

	private void video(List<Reason> reasons, MessageSourceResolvable label, ContentItem item,
			ChannelProfile.Rules rules, Map<String, Asset> assets) {
		Optional<Asset> found = Optional.ofNullable(item.videoAssetId()).map(assets::get);
		if (found.isEmpty()) {
			reasons.add(Reason.of("video-missing", "video", label));
			return;
		}
		Asset clip = found.get();
		boolean portrait = clip.displayHeight() != null && clip.displayWidth() != null
				&& clip.displayHeight() > clip.displayWidth();
		String shape = clip.displayWidth() + "x" + clip.displayHeight();
		if (rules.videoOrientation() == ChannelProfile.VideoOrientation.LANDSCAPE && portrait) {
			reasons.add(Reason.of("video-not-landscape", "video", label, shape));
		}
		if (rules.videoOrientation() == ChannelProfile.VideoOrientation.PORTRAIT && !portrait) {
			reasons.add(Reason.of("video-not-vertical", "video", label, shape));
		}
		if (rules.maxDuration() != null && clip.durationSeconds() != null
				&& clip.durationSeconds() > rules.maxDuration().toSeconds()) {
			reasons.add(Reason.of("video-too-long", "video", label, rules.maxDuration().toMinutes(),
					Math.round(clip.durationSeconds())));
		}
		if (rules.maxVideoSize() != null && clip.byteSize() > rules.maxVideoSize().toBytes()) {
			reasons.add(Reason.of("video-too-large", "video", label, rules.maxVideoSize().toMegabytes(),
					clip.byteSize() / (1024 * 1024)));
		}
		if (rules.frameRate() != null && clip.frameRate() != null
				&& Math.abs(clip.frameRate() - rules.frameRate()) > 0.01) {
			reasons.add(Reason.of("video-frame-rate", "video", label, rules.frameRate(), clip.frameRate()));
		}
		if (rules.videoTypes() != null && !rules.videoTypes().isEmpty()
				&& !rules.videoTypes().contains(clip.contentType())) {
			reasons.add(Reason.of("video-type", "video", label, String.join(" / ", rules.videoTypes()),
					clip.contentType()));
		}
	}

	/** The kinds a channel takes, as one phrase: "articles and videos", 图文稿件和视频. */
	private static MessageSourceResolvable kinds(List<ContentKind> kinds) {
		Object[] words = kinds.stream().map(kind -> Messages.of("content.kinds." + kind.name())).toArray();
		return Messages.of("readiness.kinds." + Math.min(words.length, 3), words);
	}
}
