package org.mufu.hub.content;

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

	private static final Pattern NON_ASCII_REFERENCE = Pattern.compile("&#x([0-9a-fA-F]{1,6});");

	private ArticleHtml() {
	}

	static String sanitize(String html) {
		return html == null ? null : readable(POLICY.sanitize(html).strip());
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
