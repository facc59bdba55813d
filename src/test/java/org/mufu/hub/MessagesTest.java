package org.mufu.hub;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles say the same things, and the code says nothing to a person itself: every refusal names a
 * key that both bundles hold.
 */
class MessagesTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	/*
	 * Where the code names a message: a refusal (the hub's, or a package's own exception), a phrase, a readiness
	 * reason; group 1 is the call's name.
	 */
	private static final Pattern NAMING = Pattern.compile(
			"(new HubException|HubException\\.(?:notFound|badRequest|forbidden)|Messages\\.(?:of|orElse)"
					+ "|new MediaRefusedException|MediaRefusedException\\.(?:tooComplex|tooLarge)|super"
					+ "|Reason\\.of)\\(");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*\\+)?");

	/* Words with a space between them, or one ending a sentence: what a key never is. */
	private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]\\s+[A-Za-z]|[A-Za-z][.!?]$");

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)*\\.?");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "console" })
	void everyKeyIsInBothLanguages(String bundle) throws IOException {
		Properties english = load(bundle + ".properties");
		Properties chinese = load(bundle + "_zh_CN.properties");

		assertThat(english.stringPropertyNames()).isNotEmpty();
		assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "console" })
	void noMessageIsEmptyAndBothSayTheSamePlaceholders(String bundle) throws IOException {
		Properties english = load(bundle + ".properties");
		Properties chinese = load(bundle + "_zh_CN.properties");

		for (String key : english.stringPropertyNames()) {
			String en = english.getProperty(key);
			String zh = chinese.getProperty(key, "");
			assertThat(en).as(key).isNotBlank();
			assertThat(zh).as(key).isNotBlank();
			assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "console" })
	void everyMessageIsAValidMessageFormatWithItsApostrophesDoubled(String bundle) throws IOException {
		for (String file : List.of(bundle + ".properties", bundle + "_zh_CN.properties")) {
			Properties messages = load(file);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				assertThat(new MessageFormat(text, Locale.ROOT).toPattern()).as(file + " " + key).isNotEmpty();
				// an apostrophe on its own only opens or closes a quoted brace, as in '{"query": ...}'
				String single = text.replace("''", "");
				for (int at = single.indexOf('\''); at >= 0; at = single.indexOf('\'', at + 1)) {
					boolean quotesBrace = (at + 1 < single.length() && single.charAt(at + 1) == '{')
							|| (at > 0 && single.charAt(at - 1) == '}');
					assertThat(quotesBrace).as(file + " " + key + ": write an apostrophe as ''").isTrue();
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "console" })
	void theChineseBundleIsWrittenInChinese(String bundle) throws IOException {
		Properties chinese = load(bundle + "_zh_CN.properties");

		for (String key : chinese.stringPropertyNames()) {
			String words = chinese.getProperty(key).replaceAll("\\{[^}]*}", "");
			if (words.chars().anyMatch(Character::isLetter)) {
				boolean han = words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
				assertThat(han).as(key + " = " + chinese.getProperty(key)).isTrue();
			}
		}
	}

	@Test
	void aRefusalReadsInEitherLanguageWithItsArguments() {
		ResourceBundleMessageSource messages = Messages.bundle();
		HubException refusal = HubException.badRequest("limits.text-too-long", "prefix", 65, 64);

		assertThat(messages.getMessage(refusal, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("prefix 有 65 个字符，最多只能 64 个。");
		assertThat(messages.getMessage(refusal, Locale.ENGLISH))
			.isEqualTo("prefix has 65 characters; the hub takes at most 64.");
		assertThat(refusal.getMessage()).isEqualTo("prefix has 65 characters; the hub takes at most 64.");
	}

	@Test
	void aPhraseInsideAMessageIsPutIntoTheSameLanguage() {
		ResourceBundleMessageSource messages = Messages.bundle();
		HubException refusal = new HubException(ErrorKind.CONFLICT, "publishing.item-in-wrong-status",
				Messages.of("content.status.PUBLISHED"), Messages.of("publishing.action.withdraw"),
				Messages.of("content.status.DRAFT"));

		assertThat(messages.getMessage(refusal, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("只有“已发布”状态的稿件才能撤稿，这篇是“草稿”状态。");
		assertThat(messages.getMessage(refusal, Locale.ENGLISH))
			.isEqualTo("Only an item in PUBLISHED can be withdrawn; this one is DRAFT.");
	}

	/**
	 * A scan of the sources, not of the running hub: every refusal, phrase and readiness reason names its message
	 * by a key both bundles hold (or a key's prefix, for keys built from an enum's name), never by a sentence.
	 */
	@Test
	void theCodeNamesMessagesByKeyOnly() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> problems = new TreeSet<>();
		int named = 0;
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				Matcher call = NAMING.matcher(text);
				while (call.find()) {
					if (source.endsWith("HubException.java") && !call.group(1).startsWith("new")) {
						continue;
					}
					String arguments = arguments(text, call.end());
					String where = source.getFileName() + ":" + line(text, call.start());
					named++;
					Matcher literal = LITERAL.matcher(arguments);
					boolean first = true;
					while (literal.find()) {
						String value = literal.group(1);
						boolean prefix = literal.group(2) != null;
						String before = arguments.substring(0, literal.start()).strip();
						boolean argument = before.isEmpty() || before.endsWith(",");
						if (SENTENCE.matcher(value).find() && !(prefix && KEY.matcher(value).matches())) {
							problems.add(where + ": a sentence in the code: \"" + value + "\"");
						}
						else if (first && argument && KEY.matcher(value).matches()) {
							String key = call.group(1).equals("Reason.of") ? "readiness." + value : value;
							boolean known = prefix ? keys.stream().anyMatch(k -> k.startsWith(key))
									: keys.contains(key);
							if (!known) {
								problems.add(where + ": no message " + key);
							}
						}
						first = false;
					}
				}
			}
		}
		assertThat(named).isGreaterThan(100);
		assertThat(problems).isEmpty();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	/* The text up to the parenthesis that closes the one just opened, string literals skipped over. */
	private static String arguments(String text, int from) {
		int depth = 1;
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return text.substring(from, i);
			}
		}
		return text.substring(from);
	}

	private static int line(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}
}
