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
import org.mufu.hub.feed.PublishingService;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

	@Autowired
	PublishingService publishing;

	@Test
	void anEditorSchedulesAnItemForEightTomorrowThenWithdrawsAndReopensIt() {
		String title = "幕阜山云海日出 " + UUID.randomUUID().toString().substring(0, 4);
		String id = inReview("pingjiang", title);
		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		WebElement item = pageWith(console, id);
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
		assertThat(item.findElement(By.name("publishAt")).getAttribute("title")).isEqualTo("定时发布时间（中国时间）");
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
		WebElement item = pageWith(phone, id);
		WebElement publish = item.findElement(By.cssSelector("form.publish button[type=submit]"));
		assertThat(publish.getSize().getWidth()).isGreaterThan(300);
		phone.screenshot("queue-on-a-phone");
	}

	@Test
	void theQueueListsWhatWasSubmittedFirstWithChangesToPublishedItemsAndWhoSentThem() {
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		String madeFirst = draft("tongcheng", "隽水河夜景 " + suffix, null);
		String live = inReview("liuyang", "大围山杜鹃 " + suffix);
		this.testers.editor("pingjiang").documentName("publish").variable("id", live)
			.variable("channels", List.of("WECHAT")).execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
		String madeSecond = inReview("xiushui", "修水县黄龙山 " + suffix);
		submit(new Caller("tongcheng", Role.UPLOADER, person("tongcheng", Role.UPLOADER, "王芳")), madeFirst);
		Caller staff = new Caller("liuyang", Role.UPLOADER);
		int version = this.contents.find(live).orElseThrow().version();
		this.testers.uploader("liuyang").documentName("updateContent").variable("id", live)
			.variable("input", Map.of("title", "大围山杜鹃花期延长 " + suffix)).variable("expectedVersion", version)
			.execute();
		submit(staff, live);

		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		List<String> wanted = List.of("item-" + madeFirst, "item-" + madeSecond, "item-" + live);
		// the index may take a moment after a busy run: the queue is read again until all three are on it
		Map<String, String> found = Map.of();
		for (Instant deadline = Instant.now().plusSeconds(30); found.size() < wanted.size()
				&& Instant.now().isBefore(deadline);) {
			found = queue(console, wanted, live);
		}
		assertThat(found.keySet()).containsExactly("item-" + madeSecond, "item-" + madeFirst, "item-" + live);
		assertThat(found.get("item-" + madeFirst)).contains("王芳").contains("送审");
		assertThat(found.get("item-" + live)).contains("已发布稿件的修改").contains("浏阳市融媒体中心")
			.contains("修改后的标题：大围山杜鹃花期延长 " + suffix);
	}

	/* The items wanted as the queue shows them, page after page, in its order. */
	private Map<String, String> queue(Console console, List<String> wanted, String live) {
		Map<String, String> found = new java.util.LinkedHashMap<>();
		String page = "/console/review";
		while (page != null) {
			console.go(page);
			for (WebElement article : console.findAll(By.cssSelector("#waiting article.queue-item"))) {
				String id = article.getAttribute("id");
				if (wanted.contains(id)) {
					found.put(id, article.getText());
				}
			}
			if (!console.findAll(By.id("item-" + live)).isEmpty()) {
				new org.openqa.selenium.interactions.Actions(console.driver())
					.scrollToElement(console.find(By.id("item-" + live))).perform();
				console.screenshot("changes-to-a-published-item");
			}
			page = console.findAll(By.cssSelector("#waiting .pager a[rel=next]")).stream()
				.map(next -> next.getAttribute("href"))
				.map(href -> href.substring(href.indexOf("/console/")))
				.findFirst()
				.orElse(null);
		}
		return found;
	}

	@Test
	void theQueuePagesOnWithPlainLinksAndWithHtmx() {
		Caller staff = new Caller("liuyang", Role.UPLOADER);
		List<String> mine = new java.util.ArrayList<>();
		for (int i = 0; i < 51; i++) {
			String id = draft("liuyang", "浏阳河畔 " + i + " " + UUID.randomUUID().toString().substring(0, 4), null);
			submit(staff, id);
			mine.add(id);
		}
		String last = mine.get(mine.size() - 1);
		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		console.go("/console/review");
		List<String> first = waitingIds(console);
		assertThat(first).hasSize(50).doesNotContain("item-" + last);
		WebElement next = console.find(By.cssSelector("#waiting .pager a[rel=next]"));
		String href = next.getAttribute("href");
		assertThat(next.getText()).isEqualTo("下一页");
		JavascriptExecutor page = (JavascriptExecutor) console.driver();
		page.executeScript("window.samePage = true;");
		next.click();
		console.waitFor(ExpectedConditions.urlContains("after="));
		assertThat(page.executeScript("return window.samePage === true;")).as("htmx swapped the list in place")
			.isEqualTo(true);
		console.find(By.xpath("//section[@id='waiting']//a[contains(., '回到第一页')]"));
		List<String> second = waitingIds(console);
		assertThat(second).contains("item-" + last).doesNotContainAnyElementsOf(first);
		assertThat(console.text(By.cssSelector("#waiting"))).contains("第 51–");
		console.screenshot("second-page");

		// the same link without JavaScript: a page of its own
		console.go(href.substring(href.indexOf("/console/")));
		assertThat(waitingIds(console)).isEqualTo(second);
		mine.forEach(id -> Callers.as(staff, () -> this.contents.delete(staff, id)));
	}

	/*
	 * The queue's page that holds the item (the items other tests sent earlier come first), looked for again until
	 * the index has the item's submission.
	 */
	private static WebElement pageWith(Console console, String id) {
		return console.waitFor(driver -> {
			console.go("/console/review");
			while (console.findAll(By.id("item-" + id)).isEmpty()) {
				List<WebElement> next = console.findAll(By.cssSelector("#waiting .pager a[rel=next]"));
				if (next.isEmpty()) {
					return null;
				}
				String href = next.get(0).getAttribute("href");
				console.go(href.substring(href.indexOf("/console/")));
			}
			return console.find(By.id("item-" + id));
		});
	}

	private static List<String> waitingIds(Console console) {
		return console.findAll(By.cssSelector("#waiting article.queue-item")).stream()
			.map(article -> article.getAttribute("id"))
			.toList();
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
		for (String id : List.of(inReview("xiushui", "修水县宁红茶 " + title.substring(7)), inReview("xiushui", title))) {
			this.testers.editor("pingjiang").documentName("publish").variable("id", id)
				.variable("channels", List.of("WECHAT")).execute()
				.path("publish.__typename").entity(String.class).isEqualTo("Published");
		}
		this.testers.channel("liuyang").document("{ feed(channel: WECHAT, first: 100) { edges { node { title } } } }")
			.execute()
			.path("feed.edges[*].node.title").entityList(String.class).contains(title);

		Console console = signIn(person("pingjiang", Role.EDITOR, "李娜"));
		console.go("/console/feeds?member=liuyang&channel=WECHAT");
		assertThat(console.text(By.cssSelector(".feed-list"))).contains(title);
		console.screenshot("feed-of-liuyang-wechat");

		// a later page starts at the app's cursor, numbered on from where the first stopped
		String cursor = this.testers.editor("pingjiang")
			.document("{ feedPreview(memberId: \"liuyang\", channel: WECHAT, first: 1) { edges { cursor node { id } } } }")
			.execute()
			.path("feedPreview.edges[0].cursor").entity(String.class).get();
		console.go("/console/feeds?member=liuyang&channel=WECHAT&from=1&after="
				+ java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(console.text(By.cssSelector(".feed-list .position"))).isEqualTo("2");
		console.find(By.cssSelector("#feed .pager a")).click();
		console.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("after=")));
		assertThat(console.text(By.cssSelector(".feed-list .position"))).isEqualTo("1");

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
		String id = draft(org, title, cover);
		this.testers.uploader(org).documentName("submitForReview").variable("id", id).execute();
		return id;
	}

	/* An article of the member's staff, with the cover if one is given. */
	private String draft(String org, String title, String cover) {
		Caller staff = new Caller(org, Role.UPLOADER);
		ContentInput draft = Drafts.article(title).summary("云海从山腰升起").body("<p>清晨五点，幕阜山顶云海翻腾。</p>")
			.cover(cover).tags("云海").place("幕阜山").alliance().author("李明").input();
		return Callers.as(staff, () -> this.contents.create(staff, draft)).id();
	}

	private void submit(Caller caller, String id) {
		Callers.as(caller, () -> this.publishing.submitForReview(caller, id, null));
	}
}
