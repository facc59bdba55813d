package org.mufu.hub.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.content.ContentInput;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' and administrators' desk in a browser: an item found in the review queue, scheduled for 08:00
 * tomorrow local time, withdrawn and reopened; a scenic area admitted, its staff invited, a channel credential
 * issued and revoked, and the app refused.
 */
class DeskIT extends BrowserTest {

	@Autowired
	ContentService contents;

	@Test
	void anEditorSchedulesAnItemForEightTomorrowThenWithdrawsAndReopensIt() {
		String title = "幕阜山云海日出 " + UUID.randomUUID().toString().substring(0, 4);
		String id = inReview("pingjiang", title);
		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		console.go("/console/review");
		WebElement item = console.find(By.id("item-" + id));
		assertThat(item.getText()).contains(title).contains("送审");
		console.screenshot("queue");

		// short video takes videos: the refusal says so beside the item, and the choice stays as it was
		item.findElement(By.cssSelector("input[name=channels][value=SHORT_VIDEO]")).click();
		item.findElement(By.cssSelector("form.publish button[type=submit]")).click();
		item = console.find(By.cssSelector("#item-" + id));
		assertThat(console.text(By.cssSelector("#item-" + id + " .problems"))).contains("短视频");
		console.screenshot("refused-with-reasons");
		item.findElement(By.cssSelector("input[name=channels][value=SHORT_VIDEO]")).click();

		item.findElement(By.cssSelector("input[name=channels][value=WECHAT]")).click();
		item.findElement(By.cssSelector("input[name=when][value=later]")).click();
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		assertThat(item.findElement(By.name("publishAt")).getAttribute("value")).isEqualTo(tomorrow + "T08:00");
		console.screenshot("publish-at-eight-tomorrow");
		item.findElement(By.cssSelector("form.publish button[type=submit]")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已定时发布"));
		WebElement scheduled = console.find(By.id("item-" + id));
		assertThat(scheduled.findElement(By.cssSelector(".scheduled")).getText())
			.isEqualTo("定时 " + tomorrow + " 08:00 发布");
		assertThat(this.contents.find(id).orElseThrow().publishAt())
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).atTime(8, 0)
				.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		console.screenshot("scheduled");

		scheduled.findElement(By.cssSelector("details summary")).click();
		scheduled.findElement(By.name("reason")).sendKeys("活动改期，稍后重发");
		scheduled.findElement(By.cssSelector("form.note button")).click();
		console.driver().switchTo().alert().accept();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已撤下"));
		WebElement withdrawn = console.find(By.id("item-" + id));
		assertThat(withdrawn.getText()).contains("李娜").contains("活动改期");
		console.screenshot("withdrawn");

		withdrawn.findElement(By.cssSelector("form button")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已重新打开"));
		assertThat(this.contents.find(id).orElseThrow().status().name()).isEqualTo("DRAFT");
		console.screenshot("reopened");
	}

	@Test
	void theQueueWorksOnAPhone() {
		String title = "平江县石牛寨 " + UUID.randomUUID().toString().substring(0, 4);
		String id = inReview("pingjiang", title);
		Console phone = signIn(person("pingjiang", Role.EDITOR, "李娜"), 390, 844);
		phone.go("/console/review");
		WebElement item = phone.find(By.id("item-" + id));
		WebElement publish = item.findElement(By.cssSelector("form.publish button[type=submit]"));
		assertThat(publish.getSize().getWidth()).isGreaterThan(300);
		phone.screenshot("queue-on-a-phone");
	}

	@Test
	void anAdminAdmitsAScenicAreaInvitesItsStaffAndRevokesAChannelCredential() {
		String member = "mufushan-" + UUID.randomUUID().toString().substring(0, 4);
		Console console = signIn(person("tongcheng", Role.ADMIN, "张伟"));
		console.go("/console/admin");
		console.screenshot("admin");

		console.find(By.xpath("//summary[contains(., '加盟认定')]")).click();
		WebElement admit = console.find(By.id("admit"));
		admit.findElement(By.name("name")).sendKeys("幕阜山风景区管理处");
		admit.findElement(By.name("id")).sendKeys(member);
		admit.findElement(By.cssSelector("select[name=kind] option[value=SCENIC_AREA]")).click();
		admit.findElement(By.name("province")).sendKeys("湖南省");
		admit.findElement(By.name("county")).sendKeys("平江县");
		admit.findElement(By.name("contact")).sendKeys("0730-6123456");
		console.screenshot("admit-form");
		admit.findElement(By.cssSelector("button[type=submit]")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已认定加盟"));
		assertThat(console.text(By.cssSelector("#members-heading ~ .table"))).contains("幕阜山风景区管理处")
			.contains("景区");
		console.screenshot("admitted");

		console.find(By.xpath("//summary[contains(., '开通账号')]")).click();
		WebElement invite = console.find(By.id("invite"));
		invite.findElement(By.name("name")).sendKeys("周敏");
		invite.findElement(By.name("login")).sendKeys(member + ".zhou");
		invite.findElement(By.cssSelector("select[name=memberId] option[value='" + member + "']")).click();
		invite.findElement(By.cssSelector("button[type=submit]")).click();
		String password = console.text(By.id("one-time"));
		assertThat(password).hasSize(14);
		assertThat(this.people.find(member + ".zhou").orElseThrow().org()).isEqualTo(member);
		console.screenshot("invited");

		console.find(By.xpath("//summary[contains(., '签发凭证')]")).click();
		WebElement issue = console.find(By.id("issue"));
		issue.findElement(By.cssSelector("select[name=memberId] option[value='" + member + "']")).click();
		issue.findElement(By.name("name")).sendKeys("幕阜山景区微信公众号发布");
		issue.findElement(By.cssSelector("button[type=submit]")).click();
		String token = console.find(By.id("token")).getAttribute("value").strip();
		assertThat(appStatus(token)).isEqualTo(200);
		console.screenshot("credential-issued");

		WebElement row = console.find(By.xpath("//tr[td[contains(., '幕阜山景区微信公众号发布')]]"));
		row.findElement(By.cssSelector("button.danger")).click();
		console.driver().switchTo().alert().accept();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "凭证已吊销"));
		Instant deadline = Instant.now().plusSeconds(60);
		while (appStatus(token) != 401) {
			assertThat(Instant.now()).as("the app is refused within a minute").isBefore(deadline);
			Thread.onSpinWait();
		}
		console.screenshot("credential-revoked");
	}

	@Test
	void anEditorSeesWhatAMembersAppReceivesAndWhoPromotesWhom() {
		String title = "修水县黄龙山 " + UUID.randomUUID().toString().substring(0, 4);
		String id = inReview("xiushui", title);
		this.testers.editor("pingjiang").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
		this.testers.channel("liuyang").document("{ feed(channel: WECHAT, first: 100) { edges { node { title } } } }")
			.execute()
			.path("feed.edges[*].node.title").entityList(String.class).contains(title);

		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		console.go("/console/feeds?member=liuyang&channel=WECHAT");
		assertThat(console.text(By.cssSelector(".feed-list"))).contains(title);
		console.screenshot("feed-of-liuyang-wechat");

		console.go("/console/sharing");
		assertThat(console.text(By.cssSelector("main"))).contains("修水县融媒体中心的稿件 → 浏阳市融媒体中心")
			.contains("微信");
		console.screenshot("sharing");
	}

	private int appStatus(String token) {
		return this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.bodyValue(Map.of("query", "{ feed(channel: WECHAT, first: 1) { pageInfo { hasNextPage } } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	/* An article with a cover, submitted for review by the member's staff. */
	private String inReview(String org, String title) {
		Caller staff = new Caller(org, Role.UPLOADER);
		String cover = uploaded(org, "cover.jpg", uniqueJpeg("photos/mufu-summit-clouds.jpg"));
		ContentInput draft = Drafts.article(title).summary("云海从山腰升起").body("<p>清晨五点，幕阜山顶云海翻腾。</p>")
			.cover(cover).tags("云海").place("幕阜山").alliance().author("李明").input();
		String id = Callers.as(staff, () -> this.contents.create(staff, draft)).id();
		this.testers.uploader(org).documentName("submitForReview").variable("id", id).execute();
		return id;
	}
}
