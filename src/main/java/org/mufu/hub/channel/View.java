package org.mufu.hub.channel;

import org.mufu.hub.PlainText;
import org.mufu.hub.content.ContentItem;

import org.springframework.web.util.HtmlUtils;

/**
 * An item's title, digest and author as one channel shows them: the editor's override where there is one;
 * a digest falls back to the summary, then to the first characters of the body.
 */
public record View(String title, String digest, String author) {

	public static View of(ContentItem item, String channel, int digestFromBody) {
		ContentItem.ChannelOverride override = item.overrides().get(channel);
		String title = override != null && override.title() != null ? override.title() : item.title();
		String author = override != null && override.author() != null ? override.author() : item.author();
		String digest = override != null && override.digest() != null ? override.digest() : item.summary();
		if ((digest == null || digest.isBlank()) && item.body() != null) {
			// the body's text, its references read; what reads as a tag once unescaped (&lt;script&gt;) is dropped
			// with the rest, so the digest is never markup the body's author escaped
			String text = PlainText.line(HtmlUtils.htmlUnescape(item.body().replaceAll("<[^>]*>", "")));
			digest = text.codePointCount(0, text.length()) <= digestFromBody ? text
					: text.substring(0, text.offsetByCodePoints(0, digestFromBody));
		}
		return new View(PlainText.line(title), PlainText.text(digest), PlainText.line(author));
	}
}
