package org.mufu.hub.content;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilenamesTest {

	@Test
	void aNameKeepsItsBaseWithoutOverridesOrControls() {
		assertThat(Filenames.clean("C:\\照片\\黄袍山\u202Egpj.exe")).isEqualTo("黄袍山gpj.exe");
		assertThat(Filenames.clean("../../etc/passwd\u0007")).isEqualTo("passwd");
		assertThat(Filenames.clean("<b>报名表.pdf")).isEqualTo("报名表.pdf");
	}

	@Test
	void aNulIsABadRequest() {
		HubException refused = catchThrowableOfType(HubException.class, () -> Filenames.clean("a\u0000.jpg"));

		assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
	}
}
