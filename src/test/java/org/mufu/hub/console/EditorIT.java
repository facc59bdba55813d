package org.mufu.hub.console;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mufu.hub.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff at work: drop several photos on the upload page, write an article with one of them as cover and
 * another in the body, set the cover's focal point by clicking it, and send the article for review.
 */
class EditorIT extends BrowserTest {

	@TempDir
	Path files;

	@Test
	void staffUploadWriteCropAndSubmit() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Path> photos = photos(tag, 3);
		Console console = signIn(person("tongcheng", Role.UPLOADER, "王芳"));

		console.go("/console/upload");
		dropFiles(console, photos);
		console.waitFor(driver -> driver.findElements(By.cssSelector("#queue .file.uploaded")).size() == 3);
		assertThat(console.text(By.id("queue"))).contains("上传成功").contains("MB").contains("2400×1350");
		console.screenshot("uploaded");

		console.go("/console/items/new");
		console.find(By.id("title")).sendKeys("黄袍山杜鹃花开 " + tag);
		console.find(By.id("summary")).sendKeys("通城县黄袍山万亩杜鹃进入盛花期。");
		console.find(By.cssSelector(".rich .area")).sendKeys("四月的黄袍山，漫山杜鹃。");
		console.find(By.cssSelector(".rich .insert-picture")).click();
		console.find(By.cssSelector("#picture-dialog button.insert")).click();
		console.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rich .area img[data-asset-id]")));
		console.find(By.cssSelector("#cover summary")).click();
		console.find(By.id("cover-q")).sendKeys(tag);
		console.waitFor(driver -> driver.findElements(By.cssSelector("#cover-pictures label.pick")).size() == 3);
		console.find(By.cssSelector("#cover-pictures label.pick")).click();
		console.find(By.id("tags")).sendKeys("杜鹃，黄袍山");
		console.screenshot("article");
		console.find(By.cssSelector("#item-form .actions button")).click();
		console.waitFor(ExpectedConditions.urlContains("saved"));
		assertThat(console.text(By.cssSelector("[role=status]"))).contains("已保存");
		assertThat(console.findAll(By.cssSelector("#preview-WECHAT .wx-cover img"))).hasSize(1);
		String itemPage = console.driver().getCurrentUrl().replaceAll("\\?.*", "");
		String coverId = console.driver().findElement(By.cssSelector("#cover .current input")).getAttribute("value");
		console.screenshot("saved-with-previews");

		String itemId = itemPage.substring(itemPage.lastIndexOf('/') + 1);
		this.testers.uploader("tongcheng")
			.document("mutation ($id: ID!) { updateContent(id: $id, input: { title: \"黄袍山杜鹃节开幕\" },"
					+ " expectedVersion: 1) { version } }")
			.variable("id", itemId)
			.execute()
			.path("updateContent.version")
			.entity(Integer.class)
			.isEqualTo(2);
		console.find(By.id("summary")).sendKeys("游客络绎不绝。");
		console.find(By.cssSelector("#item-form .actions button")).click();
		WebElement conflict = console.find(By.id("conflict"));
		assertThat(conflict.findElement(By.cssSelector("tr.changed")).getText()).contains("黄袍山杜鹃节开幕")
			.contains("黄袍山杜鹃花开 " + tag);
		console.screenshot("conflict");
		conflict.findElement(By.cssSelector("button.primary")).click();
		console.waitFor(ExpectedConditions.urlContains("saved"));
		assertThat(console.find(By.id("title")).getAttribute("value")).isEqualTo("黄袍山杜鹃花开 " + tag);
		assertThat(console.find(By.id("summary")).getAttribute("value")).endsWith("游客络绎不绝。");

		console.go("/console/assets/" + coverId);
		WebElement picture = console.find(By.id("picture"));
		String before = console.find(By.cssSelector(".crop.tv-landscape img")).getAttribute("src");
		new Actions(console.driver()).moveToElement(picture, -picture.getSize().getWidth() / 4, 0).click().perform();
		console.waitFor(driver -> !driver.findElement(By.cssSelector(".crop.tv-landscape img")).getAttribute("src")
			.equals(before));
		assertThat(console.find(By.id("focus-x")).getAttribute("value")).startsWith("0.2");
		console.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
				"var img = document.querySelector('.crop.tv-landscape img'); return img.complete && img.naturalWidth > 0;"));
		assertThat(console.text(By.cssSelector(".side"))).contains("黄袍山杜鹃花开 " + tag);
		console.screenshot("focal-point");

		// opened again, the picture shows its focal point before any click
		console.go("/console/assets/" + coverId);
		picture = console.find(By.id("picture"));
		WebElement marker = console.find(By.cssSelector(".focus .marker.placed"));
		double across = (marker.getLocation().getX() + marker.getSize().getWidth() / 2.0
				- picture.getLocation().getX()) / picture.getSize().getWidth();
		assertThat(across).isBetween(0.2, 0.3);
		assertThat(console.find(By.id("focus-x")).getAttribute("value")).startsWith("0.2");

		console.driver().get(itemPage);
		console.find(By.id("submit-review")).click();
		console.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .status"), "待审核"));
		assertThat(console.text(By.cssSelector("[role=status]"))).contains("已提交审核");
		assertThat(console.text(By.cssSelector(".history"))).contains("王芳").contains("草稿 → 待审核");
		console.screenshot("in-review");

		Console phone = signIn(person("tongcheng", Role.UPLOADER, "张伟"), 390, 844);
		phone.go("/console/upload");
		dropFiles(phone, photos.subList(0, 1));
		phone.waitFor(driver -> driver.findElements(By.cssSelector("#queue .file.uploaded")).size() == 1);
		assertThat(phone.text(By.id("queue"))).contains("素材库里已有");
		// what the hub read wraps on a phone rather than pushing the page sideways
		assertThat((Long) ((JavascriptExecutor) phone.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		phone.screenshot("upload-on-a-phone-already-there");
	}

	@Test
	void withoutScriptTheUploadFormSendsTheFilesThroughTheHub() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Path> photos = photos(tag, 2);
		Console console = signInWithoutScript(person("xiushui", Role.UPLOADER, "陈静"));
		console.go("/console/upload");
		console.find(By.id("files")).sendKeys(photos.get(0).toAbsolutePath().toString());
		console.find(By.cssSelector("#upload-form button.plain")).click();
		console.waitFor(driver -> driver.findElements(By.cssSelector("#queue .file.uploaded")).size() == 1);
		assertThat(console.text(By.id("queue"))).contains(photos.get(0).getFileName().toString()).contains("上传成功")
			.contains("2400×1350");

		// the same file again, a new one and one the hub does not take: each says how it went
		Path notes = Files.writeString(this.files.resolve("采访笔记.txt"), "不是图片，也不是视频。");
		List<Path> chosen = List.of(photos.get(0), photos.get(1), notes);
		console.find(By.id("files")).sendKeys(chosen.stream().map(p -> p.toAbsolutePath().toString())
			.collect(java.util.stream.Collectors.joining("\n")));
		console.find(By.cssSelector("#upload-form button.plain")).click();
		console.waitFor(driver -> driver.findElements(By.cssSelector("#queue .file.uploaded")).size() == 2
				&& !driver.findElements(By.cssSelector("#queue .notice")).isEmpty());
		assertThat(console.text(By.cssSelector("#queue .file.failed"))).contains("采访笔记.txt").contains("上传失败")
			.contains("可以上传的有");
		WebElement again = console.find(By.xpath("//li[contains(@class, 'file')][.//div[@class='name' and text()='"
				+ photos.get(0).getFileName() + "']]"));
		assertThat(again.getText()).contains("素材库里已有");
		assertThat(again.findElement(By.cssSelector(".notice a")).getAttribute("href")).contains("/console/assets/");
		console.screenshot("uploaded-without-script");
	}

	/* Selenium cannot drag from the desktop: the files go into a file input of the test's own, then drop. */
	private static void dropFiles(Console console, List<Path> photos) {
		JavascriptExecutor js = (JavascriptExecutor) console.driver();
		js.executeScript("var input = document.createElement('input'); input.type = 'file'; input.multiple = true;"
				+ "input.id = 'test-files'; document.body.appendChild(input);");
		List<String> paths = photos.stream().map(p -> p.toAbsolutePath().toString()).toList();
		console.driver().findElement(By.id("test-files")).sendKeys(String.join("\n", paths));
		js.executeScript("var data = new DataTransfer();"
				+ "Array.prototype.forEach.call(document.getElementById('test-files').files, function (f) {"
				+ " data.items.add(f); });"
				+ "document.getElementById('drop').dispatchEvent(new DragEvent('drop',"
				+ " { dataTransfer: data, bubbles: true, cancelable: true }));");
	}

	/* Photos no one has uploaded before, big enough for every channel's landscape crop. */
	private List<Path> photos(String tag, int count) throws IOException {
		List<Path> photos = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			BufferedImage image = new BufferedImage(2400, 1350, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setPaint(new GradientPaint(0, 0, new Color(200, 40 * i, 90), 2400, 1350, new Color(30, 120, 60 * i)));
			g.fillRect(0, 0, 2400, 1350);
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 160));
			g.drawString(tag + " " + i, 200, 700);
			g.dispose();
			Path file = this.files.resolve("huangpao-" + tag + "-" + i + ".jpg");
			ImageIO.write(image, "jpg", file.toFile());
			photos.add(file);
		}
		return photos;
	}
}
