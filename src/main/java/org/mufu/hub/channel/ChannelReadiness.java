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

import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.metadata.MediaKind;

import org.springframework.stereotype.Service;

/** Checks an item against a channel's rules and tells, in words for editors, what keeps it off. */
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
		String label = profile.label() != null ? profile.label() : name;
		List<String> reasons = new ArrayList<>();
		if (profile.kinds() != null && !profile.kinds().isEmpty() && !profile.kinds().contains(item.kind())) {
			reasons.add(label + " takes " + words(profile.kinds()) + "; this item is " + word(item.kind()) + ".");
		}
		ChannelProfile.Rules rules = profile.rules();
		View view = View.of(item, name, rules.digestFromBody());
		limit(reasons, label + " title", view.title(), rules.titleMax());
		limit(reasons, label + " author", view.author(), rules.authorMax());
		limit(reasons, label + " digest", view.digest(), rules.digestMax());
		body(reasons, label, item, rules);
		pictures(reasons, item, profile, assets);
		if (item.kind() == ContentKind.VIDEO) {
			video(reasons, label, item, rules, assets);
		}
		return new Readiness(name, reasons.isEmpty(), List.copyOf(reasons));
	}

	private static void limit(List<String> reasons, String what, String value, Integer max) {
		if (max != null && value != null && value.codePointCount(0, value.length()) > max) {
			reasons.add(what + " has " + value.codePointCount(0, value.length()) + " characters; the limit is " + max
					+ ".");
		}
	}

	private static void body(List<String> reasons, String label, ContentItem item, ChannelProfile.Rules rules) {
		String body = item.body() == null ? "" : item.body();
		if (rules.bodyRequired() && body.isBlank()) {
			reasons.add(label + " needs an article body.");
			return;
		}
		if (rules.bodyMaxChars() != null && body.length() >= rules.bodyMaxChars()) {
			reasons.add(label + " body has " + body.length() + " characters; it must stay under "
					+ rules.bodyMaxChars() + ".");
		}
		long bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (rules.bodyMaxSize() != null && bytes >= rules.bodyMaxSize().toBytes()) {
			reasons.add(label + " body is " + bytes + " bytes; it must stay under " + rules.bodyMaxSize().toBytes()
					+ ".");
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
				reasons.add(label + " shows only pictures the hub hosts; " + foreign
						+ " picture(s) in the body link to other sites. Upload them and insert them from the hub.");
			}
		}
	}

	private void pictures(List<String> reasons, ContentItem item, ChannelProfile profile, Map<String, Asset> assets) {
		if (profile.renditions().isEmpty()) {
			return;
		}
		Optional<Asset> source = Optional.ofNullable(item.coverSourceId()).map(assets::get);
		for (RenditionSpec spec : profile.renditions()) {
			if (source.isEmpty() || source.get().kind() != MediaKind.IMAGE) {
				reasons.add("no " + spec.name() + ": the item has no " + (item.kind() == ContentKind.VIDEO ? "poster"
						: "cover") + " picture to make it from.");
				continue;
			}
			this.renditions.tooSmallFor(source.get(), spec)
				.ifPresent(why -> reasons.add("no " + spec.name() + ": " + why + "."));
		}
	}

	private void video(List<String> reasons, String label, ContentItem item, ChannelProfile.Rules rules,
			Map<String, Asset> assets) {
		Optional<Asset> found = Optional.ofNullable(item.videoAssetId()).map(assets::get);
		if (found.isEmpty()) {
			reasons.add(label + " needs the item's video file.");
			return;
		}
		Asset clip = found.get();
		boolean portrait = clip.displayHeight() != null && clip.displayWidth() != null
				&& clip.displayHeight() > clip.displayWidth();
		String shape = clip.displayWidth() + "x" + clip.displayHeight();
		if (rules.videoOrientation() == ChannelProfile.VideoOrientation.LANDSCAPE && portrait) {
			reasons.add(label + " takes landscape video; the clip is " + shape + " (portrait).");
		}
		if (rules.videoOrientation() == ChannelProfile.VideoOrientation.PORTRAIT && !portrait) {
			reasons.add(label + " takes vertical video; the clip is " + shape + ".");
		}
		if (rules.maxDuration() != null && clip.durationSeconds() != null
				&& clip.durationSeconds() > rules.maxDuration().toSeconds()) {
			reasons.add(String.format(Locale.ROOT, "%s takes clips of up to %d minutes; this one runs %.0f seconds.",
					label, rules.maxDuration().toMinutes(), clip.durationSeconds()));
		}
		if (rules.maxVideoSize() != null && clip.byteSize() > rules.maxVideoSize().toBytes()) {
			reasons.add(label + " takes files of up to " + rules.maxVideoSize().toMegabytes() + " MB; this one is "
					+ clip.byteSize() / (1024 * 1024) + " MB.");
		}
		if (rules.frameRate() != null && clip.frameRate() != null
				&& Math.abs(clip.frameRate() - rules.frameRate()) > 0.01) {
			reasons.add(String.format(Locale.ROOT, "%s plays %.0f fps; the clip has %.2f fps.", label,
					rules.frameRate(), clip.frameRate()).replace(".00 fps", " fps"));
		}
		if (rules.videoTypes() != null && !rules.videoTypes().isEmpty()
				&& !rules.videoTypes().contains(clip.contentType())) {
			reasons.add(label + " takes " + String.join(" or ", rules.videoTypes()) + "; the clip is "
					+ clip.contentType() + ".");
		}
	}

	private static String words(List<ContentKind> kinds) {
		return String.join(" and ", kinds.stream().map(kind -> word(kind) .replaceFirst("^an? ", "") + "s").toList());
	}

	private static String word(ContentKind kind) {
		return switch (kind) {
			case ARTICLE -> "an article";
			case VIDEO -> "a video";
			case PROMO -> "a promotion";
		};
	}
}
