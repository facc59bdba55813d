package org.mufu.hub.content;

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
			.matching(java.util.regex.Pattern.compile("[0-9a-z]{8,40}"))
			.onElements("img")
			.toFactory());

	private ArticleHtml() {
	}

	static String sanitize(String html) {
		return html == null ? null : POLICY.sanitize(html).strip();
	}
}
