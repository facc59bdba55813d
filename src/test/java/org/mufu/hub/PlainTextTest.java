package org.mufu.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

	@Test
	void bidiOverridesAndControlsLeaveAFileNameReadingAsItIs() {
		// "photo\u202Egpj.exe" shows as photoexe.jpg
		assertThat(PlainText.line("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
		assertThat(PlainText.line("黄袍山\u0000杜鹃\u200B.jpg\u2066")).isEqualTo("黄袍山杜鹃.jpg");
		assertThat(PlainText.line("a\r\nb\tc")).isEqualTo("a b c");
	}

	@Test
	void aTitleCarriesNoMarkup() {
		assertThat(PlainText.line("<svg onload=alert(1)>幕阜山云海")).isEqualTo("幕阜山云海");
		assertThat(PlainText.line("幕阜山<script>alert(1)</script>")).isEqualTo("幕阜山alert(1)");
		assertThat(PlainText.line("1 < 2 and 3 > 2")).isEqualTo("1 < 2 and 3 > 2");
		assertThat(PlainText.line("<img src=x onerror=alert(1)")).isEmpty();
	}

	@Test
	void ordinaryTextIsReturnedAsItIs() {
		String title = "黄袍山油茶飘香：R&B 之夜 👨‍👩‍👧";

		assertThat(PlainText.line(title)).isSameAs(title);
		assertThat(PlainText.text("第一行\n第二行")).isEqualTo("第一行\n第二行");
		assertThat(PlainText.line(null)).isNull();
	}
}
