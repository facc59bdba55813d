package org.mufu.hub.console;

import org.junit.jupiter.api.Test;
import org.mufu.hub.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, the archive as the first page, the language switch, and a wrong password. */
class SignInIT extends BrowserTest {

	@Test
	void staffSignInAndFindTheArchiveInChinese() {
		String login = person("tongcheng", Role.UPLOADER, "王芳");
		Console console = signIn(login);
		assertThat(console.text(By.cssSelector("header .who"))).contains("王芳").contains("通城县融媒体中心")
			.contains("县级采编");
		console.find(By.id("q")).sendKeys("黄袍山");
		console.find(By.cssSelector(".search .box button")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results .total"), "共"));
		assertThat(console.findAll(By.cssSelector("#results li.card"))).isNotEmpty();
		console.screenshot("archive");

		console.find(By.linkText("English")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header nav"), "Archive"));
		console.screenshot("archive-in-english");
	}

	@Test
	void aWrongPasswordIsToldPlainly() {
		String login = person("pingjiang", Role.EDITOR, "李娜");
		Console console = open(1366, 768).go("/login");
		console.find(By.id("username")).sendKeys(login);
		console.find(By.id("password")).sendKeys("not the password");
		console.find(By.cssSelector("button[type=submit]")).click();
		assertThat(console.text(By.cssSelector("[role=alert]"))).contains("登录名或密码不对");
		assertThat(console.find(By.id("username")).getAttribute("value")).isEqualTo(login);
		assertThat(console.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("password");
		console.screenshot("wrong-password");
	}
}
