package org.mufu.hub.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleHtmlTest {

	@Test
	void keepsTheArticleAndDropsWhatRuns() {
		String clean = ArticleHtml.sanitize("<h2>出行提示</h2><p style=\"color:red\" onmouseover=\"x()\">带外套</p>"
				+ "<img src=\"https://hub.example/media/abc/thumb\" data-asset-id=\"mwsv2d3ttjfrgccp\" onerror=\"x()\">"
				+ "<iframe src=\"https://video.example/embed\"></iframe><script>steal()</script>"
				+ "<a href=\"javascript:x()\">链接</a><a href=\"https://www.liuyang.gov.cn\">浏阳</a>");

		assertThat(clean).contains("<h2>出行提示</h2>", "带外套", "data-asset-id=\"mwsv2d3ttjfrgccp\"",
				"href=\"https://www.liuyang.gov.cn\"");
		assertThat(clean).doesNotContain("onmouseover", "onerror", "iframe", "script", "steal", "javascript");
	}

	@Test
	void keepsChinesePunctuationReadableAndMarkupEscaped() {
		String clean = ArticleHtml.sanitize("<p>四月，黄袍山杜鹃盛开；游客说：“美！” 1 &lt; 2 &amp; 3</p>");

		assertThat(clean).isEqualTo("<p>四月，黄袍山杜鹃盛开；游客说：“美！” 1 &lt; 2 &amp; 3</p>");
	}

	@Test
	void picturesNamedInABodyAreFoundAfterSanitising() {
		String clean = ArticleHtml.sanitize("<p>图</p><img src=\"https://x/p.jpg\" data-asset-id=\"mwsv2d3ttjfrgccp\">"
				+ "<img data-asset-id=\"aaaabbbbccccdddd\" src=\"https://x/q.jpg\"><img src=\"https://x/r.jpg\">"
				+ "<p data-asset-id=\"eeeeffffgggghhhh\">不是图片</p>");

		assertThat(ArticleHtml.assetIds(clean)).containsExactly("mwsv2d3ttjfrgccp", "aaaabbbbccccdddd");
		assertThat(ArticleHtml.assetIds(null)).isEmpty();
	}
}
