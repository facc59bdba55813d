package org.mufu.hub.content;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Cleans article bodies on the way in with the OWASP sanitiser: text formatting, blocks, links, tables
 * and images stay; scripts, event handlers, styles that run code and every iframe go.
 */
final class ArticleHtml {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("figure", "figcaption", "hr", "br", "img")
			.allowUrlProtocols("https", "http")
			.allowAttributes("src")
			.onElements("img")
			.allowAttributes("data-asset-id")
			.matching(Pattern.compile("[0-9a-z]{8,40}"))
			.onElements("img")
			.toFactory());

	/* As the sanitiser writes the attribute: double-quoted, after the policy's pattern let it through. */
	private static final Pattern ASSET_REFERENCE = Pattern.compile("\\bdata-asset-id=\"([0-9a-z]{8,40})\"");

	private static final Pattern NON_ASCII_REFERENCE = Pattern.compile("&#x([0-9a-fA-F]{1,6});");

	private ArticleHtml() {
	}

	static String sanitize(String html) {
		return html == null ? null : readable(POLICY.sanitize(html).strip());
	}

	/** The assets a sanitised body's pictures name, in order, each once. */
	static Set<String> assetIds(String html) {
		if (html == null || !html.contains("data-asset-id")) {
			return Set.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = ASSET_REFERENCE.matcher(html);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	/*
	 * The sanitiser writes full-width punctuation as character references (，as &#xff0c;), which every
	 * channel would then have to decode; characters beyond ASCII are never markup, so they are written back.
	 */
	private static String readable(String html) {
		return NON_ASCII_REFERENCE.matcher(html).replaceAll(reference -> {
			int codePoint = Integer.parseInt(reference.group(1), 16);
			return codePoint >= 0x80 && Character.isValidCodePoint(codePoint) ? Character.toString(codePoint)
					: reference.group();
		});
	}
}
