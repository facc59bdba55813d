package org.mufu.hub.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts Chinese text into words for a whitespace-analysed field: the Elasticsearch the hub runs has no Chinese
 * analyser, and its standard one cuts Han text into single characters. Lucene's smartcn does the cutting;
 * names it does not know (黄袍山 comes out as 黄袍 + 山) are added whole from the alliance's lexicon and
 * gazetteer; a run of Latin letters and digits is kept with the Han characters that follow it, so "G106国道"
 * and "2025花炮节" match as typed. Index and queries go through the same cutting.
 */
public final class ChineseSegmenter {

	private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

	private static final Pattern MIXED = Pattern.compile("([a-z0-9]+)(\\p{IsHan}{1,4})?");

	private static final List<String> LEXICON = lexicon();

	private ChineseSegmenter() {
	}

	public static String segment(String text) {
		return segment(text, false);
	}

	/**
	 * A query cut into words, without the pieces of a known name: smartcn cuts 黄袍山 into 黄袍 and 山, which as
	 * query words would match every item with any mountain. Indexed text keeps the pieces (and the name), so a
	 * query for 黄袍 alone still finds it.
	 */
	public static String segmentQuery(String text) {
		// each word once: 杜鹃 comes from smartcn and again from the lexicon, and would otherwise weigh double
		return String.join(" ", new LinkedHashSet<>(List.of(segment(text, true).split(" "))));
	}

	private static String segment(String text, boolean dropPiecesOfNames) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		words(lower, dropPiecesOfNames ? names(lower) : List.of()).forEach(word -> out.append(word).append(' '));
		extraWords(lower).forEach(word -> out.append(word).append(' '));
		return out.toString().strip();
	}

	/* The analyser's words, without punctuation and without pieces of the names given. */
	private static List<String> words(String lower, List<int[]> names) {
		List<String> words = new ArrayList<>();
		try (TokenStream tokens = ANALYZER.tokenStream("text", lower)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				String word = term.toString();
				if (!word.isBlank() && Character.isLetterOrDigit(word.codePointAt(0))
						&& !insideName(offset.startOffset(), offset.endOffset(), names)) {
					words.add(word);
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/* Words the analyser cuts apart: the lexicon's, and latin-and-han runs such as g106国道 with their prefixes. */
	private static Set<String> extraWords(String lower) {
		Set<String> extra = new LinkedHashSet<>();
		for (String word : LEXICON) {
			if (lower.contains(word)) {
				extra.add(word);
			}
		}
		Matcher mixed = MIXED.matcher(lower);
		while (mixed.find()) {
			String run = mixed.group(1);
			if (run.length() > 1) {
				extra.add(run);
			}
			String han = mixed.group(2);
			for (int i = 1; han != null && i <= han.length(); i++) {
				extra.add(run + han.substring(0, i));
			}
		}
		return extra;
	}

	/** Where lexicon words occur in the text, as [start, end) character ranges. */
	private static List<int[]> names(String lower) {
		List<int[]> found = new ArrayList<>();
		for (String word : LEXICON) {
			for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
				found.add(new int[] { at, at + word.length() });
			}
		}
		return found;
	}

	private static boolean insideName(int start, int end, List<int[]> names) {
		for (int[] name : names) {
			if (start >= name[0] && end <= name[1] && end - start < name[1] - name[0]) {
				return true;
			}
		}
		return false;
	}

	private static List<String> lexicon() {
		List<String> words = new ArrayList<>();
		try (InputStream in = ChineseSegmenter.class.getResourceAsStream("/search/lexicon.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (InputStream in = ChineseSegmenter.class.getResourceAsStream("/search/gazetteer.json")) {
			for (JsonNode place : new ObjectMapper().readTree(in)) {
				words.add(place.path("name").asText().toLowerCase(Locale.ROOT));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(words);
	}
}
