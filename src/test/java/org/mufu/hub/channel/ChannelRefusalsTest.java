package org.mufu.hub.channel;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.Errors;
import org.mufu.hub.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel package's own refusals: the kind a client sees, and their words from the bundles. */
class ChannelRefusalsTest {

	@Test
	void aChannelNoOneConfiguredIsTheClientsMistakeAndNamesTheChannelsThereAre() {
		NoSuchChannelException refused = new NoSuchChannelException("RADIO", "TV, WECHAT");

		assertThat(Errors.kindOf(refused)).isEqualTo(ErrorKind.BAD_REQUEST);
		assertThat(Messages.inWords(Locale.SIMPLIFIED_CHINESE, refused.key(), refused.args()))
			.isEqualTo("没有“RADIO”这个渠道。现有渠道：TV, WECHAT。");
		assertThat(refused.getMessage()).isEqualTo("There is no channel \"RADIO\"; the channels are TV, WECHAT.");
	}

	@Test
	void aPictureTheRendererCannotDecodeIsUnsupportedMediaNotAFailureOfTheHub() {
		UnreadablePictureException refused = new UnreadablePictureException(new IOException("bad Huffman code"));

		assertThat(Errors.kindOf(refused)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA);
		assertThat(Messages.inWords(Locale.ENGLISH, refused.key(), refused.args())).startsWith("The picture could not be decoded")
			.doesNotContain("Huffman");
	}
}
