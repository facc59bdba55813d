package org.mufu.hub.security;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DemoTokensTest {

	@TempDir
	Path dataDir;

	@Test
	void demoTokensAreLoggedForEveryRoleButAdmin() {
		String text = demoTokens(true, true).text();

		assertThat(text.lines().filter(line -> line.startsWith("  ")).map(line -> line.strip().split(" +")[0]))
			.containsExactly("UPLOADER", "EDITOR", "CHANNEL");
	}

	@Test
	void noDemoTokensWithoutTheDemoArchiveOrWhenSwitchedOff() {
		assertThat(demoTokens(true, false).text()).isNull();
		assertThat(demoTokens(false, true).text()).isNull();
	}

	@Test
	void noTokenLastsLongerThanNinetyDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> tokens(true).issue("tongcheng", Role.ADMIN, Duration.ofDays(3650)))
			.withMessageContaining("90 days");
		assertThat(tokens(true).issue("tongcheng", Role.ADMIN, Duration.ofDays(90))).isNotBlank();
	}

	private DemoTokens demoTokens(boolean logDemoTokens, boolean demoArchive) {
		SecurityProperties properties = properties(logDemoTokens);
		return new DemoTokens(tokens(logDemoTokens), members(), properties, demoArchive);
	}

	private TokenService tokens(boolean logDemoTokens) {
		SecurityProperties properties = properties(logDemoTokens);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("members", members());
		return new TokenService(new TokenSecret(properties, this.dataDir),
				beans.getBeanProvider(OrganizationDirectory.class), properties);
	}

	private static SecurityProperties properties(boolean logDemoTokens) {
		return new SecurityProperties(null, Duration.ofDays(30), logDemoTokens);
	}

	private static OrganizationDirectory members() {
		return new OrganizationDirectory(OrganizationDirectory.seed(new ObjectMapper()));
	}
}
