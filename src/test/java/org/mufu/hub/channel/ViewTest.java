package org.mufu.hub.channel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.content.ContentStatus;
import org.mufu.hub.content.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

class ViewTest {

	@Test
	void aDigestFromTheBodyIsPlainTextAsReadersSeeIt() {
		// bodies stored before the sanitiser's references were written back still hold &#xff0c;
		ContentItem item = article("<p>通城县黄袍山杜鹃盛开&#xff0c;游客络绎不绝。</p><p>R&amp;B 之夜</p>");

		assertThat(View.of(item, "WECHAT", 120).digest()).isEqualTo("通城县黄袍山杜鹃盛开，游客络绎不绝。R&B 之夜");
		assertThat(View.of(item, "WECHAT", 6).digest()).isEqualTo("通城县黄袍山");
	}

	@Test
	void aDigestNeverTurnsEscapedMarkupBackIntoMarkup() {
		ContentItem item = article("<p>&lt;script&gt;alert(1)&lt;/script&gt;黄袍山 1 &lt; 2</p>");

		assertThat(View.of(item, "WECHAT", 120).digest()).isEqualTo("alert(1)黄袍山 1 < 2");
	}

	@Test
	void titlesAndAuthorsReachAChannelAsText() {
		ContentItem item = article("<p>正文</p>").toBuilder()
			.title("<svg onload=alert(1)>幕阜山\u202E云海")
			.author("李明\u0007")
			.build();

		View view = View.of(item, "WECHAT", 54);

		assertThat(view.title()).isEqualTo("幕阜山云海");
		assertThat(view.author()).isEqualTo("李明");
	}

	private static ContentItem article(String body) {
		return ContentItem.builder()
			.id("mwsv2d3ttjfrgccp")
			.kind(ContentKind.ARTICLE)
			.owner("tongcheng")
			.status(ContentStatus.PUBLISHED)
			.title("杜鹃")
			.body(body)
			.visibility(Visibility.ALLIANCE)
			.language("zh-CN")
			.version(1)
			.channels(List.of("WECHAT"))
			.build();
	}
}
