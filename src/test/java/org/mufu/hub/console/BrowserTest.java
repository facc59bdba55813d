package org.mufu.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.security.People;
import org.mufu.hub.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the console's end-to-end tests: the integration tests' hub (real Elasticsearch and S3), and a real
 * Chromium per person, driven through Debian's {@code chromium} and {@code chromedriver} packages, signed in
 * through the sign-in page. Each test saves screenshots under {@code target/screenshots}.
 */
public abstract class BrowserTest extends IntegrationTest {

	static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String PASSWORD = "mufu-console-test";

	@LocalServerPort
	protected int port;

	@Autowired
	protected People people;

	private final List<WebDriver> browsers = new ArrayList<>();

	private String testName = "test";

	@BeforeAll
	static void chromiumIsInstalled() {
		if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
			throw new IllegalStateException("The console's browser tests need Debian's chromium and "
					+ "chromium-driver packages (apt-get install chromium chromium-driver), or -Dchromium.binary "
					+ "and -Dchromedriver.binary naming a Chromium and its driver.");
		}
	}

	@org.junit.jupiter.api.BeforeEach
	void name(TestInfo test) {
		this.testName = test.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
				+ test.getTestMethod().map(m -> m.getName()).orElse("");
	}

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(WebDriver::quit);
		this.browsers.clear();
	}

	/** A new person of this member and role, with a password of their own (not a one-time one): their login. */
	protected String person(String org, Role role, String name) {
		String login = org + "." + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		People.Invited invited = this.people.invite(login, name, org, role, "test");
		this.people.changePassword(login, invited.oneTimePassword(), PASSWORD);
		return login;
	}

	/** A browser at 1366x768 (or the given size) in Chinese, signed in as the person. */
	protected Console signIn(String login) {
		return signIn(login, 1366, 768);
	}

	protected Console signIn(String login, int width, int height) {
		return signIn(open(width, height, true), login);
	}

	/** A browser at 1366x768 with JavaScript off, signed in as the person: what the forms do on their own. */
	protected Console signInWithoutScript(String login) {
		return signIn(open(1366, 768, false), login);
	}

	private Console signIn(Console console, String login) {
		console.go("/login");
		console.find(By.id("username")).sendKeys(login);
		console.find(By.id("password")).sendKeys(PASSWORD);
		console.find(By.cssSelector("button[type=submit]")).click();
		console.waitFor(ExpectedConditions.urlContains("/console/"));
		return console;
	}

	/** A browser signed in as no one. */
	protected Console open(int width, int height) {
		return open(width, height, true);
	}

	private Console open(int width, int height, boolean script) {
		ChromeOptions options = new ChromeOptions();
		if (!script) {
			options.setExperimentalOption("prefs",
					java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=zh-CN", "--accept-lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		this.browsers.add(driver);
		return new Console(driver);
	}

	/** One browser window on the console, with the waits and screenshots a test needs. */
	protected final class Console {

		private final WebDriver driver;

		private int shots;

		Console(WebDriver driver) {
			this.driver = driver;
		}

		public WebDriver driver() {
			return this.driver;
		}

		public Console go(String path) {
			this.driver.get("http://localhost:" + BrowserTest.this.port + path);
			return this;
		}

		public WebElement find(By by) {
			return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
		}

		public List<WebElement> findAll(By by) {
			return this.driver.findElements(by);
		}

		public String text(By by) {
			return find(by).getText();
		}

		/** Waits up to 15 s for the condition; htmx swaps and redirects are what it waits for, never a clock. */
		public <T> T waitFor(Function<WebDriver, T> condition) {
			return new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(condition);
		}

		/** Saves the page as {@code target/screenshots/{Test}-{method}-{n}-{step}.png}. */
		public Path screenshot(String step) {
			byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", BrowserTest.this.testName, ++this.shots,
					step));
			try {
				Files.createDirectories(SCREENSHOTS);
				Files.write(file, png);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return file;
		}
	}
}
