package org.mufu.hub.localservices;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnprivilegedTest {

	@Test
	void eachDataDirectoryHasItsOwnStableView() {
		Path one = Path.of("/root/checkout/data");

		assertThat(Unprivileged.view(one)).isEqualTo(Unprivileged.view(Path.of("/root/checkout/./data")));
		assertThat(Unprivileged.view(one)).isNotEqualTo(Unprivileged.view(Path.of("/home/editor/data")));
		assertThat(Unprivileged.view(one).toString()).startsWith(System.getProperty("java.io.tmpdir"));
	}

	@Test
	void sameUserCommandEndsWithTheHub() {
		assertThat(Unprivileged.sameUser(java.util.List.of("java", "-jar", "s3proxy.jar"))).containsExactly("setpriv",
				"--pdeathsig=TERM", "java", "-jar", "s3proxy.jar");
	}
}
