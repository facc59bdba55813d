package org.mufu.hub.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The item editor's fields as the form sends them, and as the API's {@code ContentInput}. Tags are written with
 * commas (Chinese or Latin) or 、 between them, credits one a line.
 */
record ItemForm(String kind, String title, String summary, String body, String coverAssetId, String tags,
		String placeName, String credits, String visibility, String author) {

	private static final Pattern PICTURE = Pattern.compile("<img\\b[^>]*\\bdata-asset-id=\"([0-9a-z]+)\"[^>]*>",
			Pattern.CASE_INSENSITIVE);

	/** The fields a conflict compares, in the order the page shows them. */
	static final List<String> FIELDS = List.of("title", "summary", "body", "coverAssetId", "tags", "placeName",
			"credits", "visibility", "author");

	/** The form as an item stored in the hub fills it. */
	@SuppressWarnings("unchecked")
	static ItemForm of(Map<String, Object> content) {
		Map<String, Object> cover = (Map<String, Object>) content.get("cover");
		return new ItemForm((String) content.get("kind"), (String) content.get("title"),
				(String) content.get("summary"), (String) content.get("body"),
				cover != null ? (String) cover.get("id") : null, join((List<String>) content.get("tags"), "，"),
				(String) content.get("placeName"), join((List<String>) content.get("credits"), "\n"),
				(String) content.get("visibility"), (String) content.get("author"));
	}

	static ItemForm empty() {
		return new ItemForm("ARTICLE", "", "", "", null, "", "", "", "ALLIANCE", "");
	}

	/** One field's value as the page shows it, for comparing. */
	String value(String field) {
		return switch (field) {
			case "title" -> this.title;
			case "summary" -> this.summary;
			case "body" -> bodyText(this.body);
			case "coverAssetId" -> this.coverAssetId;
			case "tags" -> join(tagList(), "，");
			case "placeName" -> this.placeName;
			case "credits" -> join(creditList(), "\n");
			case "visibility" -> this.visibility;
			case "author" -> this.author;
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** The API's ContentInput; the kind only when creating, since it cannot change. */
	Map<String, Object> input(boolean creating) {
		Map<String, Object> input = new LinkedHashMap<>();
		if (creating) {
			input.put("kind", blankToNull(this.kind) != null ? this.kind : "ARTICLE");
		}
		input.put("title", this.title == null ? "" : this.title.strip());
		input.put("summary", blankToNull(this.summary));
		input.put("body", blankToNull(this.body));
		input.put("coverAssetId", blankToNull(this.coverAssetId));
		input.put("tags", tagList());
		input.put("placeName", blankToNull(this.placeName));
		input.put("credits", creditList());
		input.put("visibility", blankToNull(this.visibility));
		input.put("author", blankToNull(this.author));
		return input;
	}

	/*
	 * A body as people compare it: its words and its pictures, not its markup, since the hub stores it
	 * sanitised (attributes reordered, entities written out) and a browser's editor writes it its own way.
	 */
	static String bodyText(String html) {
		if (html == null) {
			return null;
		}
		String text = PICTURE.matcher(html).replaceAll(" 🖼$1 ");
		text = text.replaceAll("(?i)</?(p|div|h[1-6]|li|br)\\b[^>]*>", " ").replaceAll("<[^>]*>", "");
		text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#39;", "'").replace("&amp;", "&");
		return text.replaceAll("\\s+", " ").strip();
	}

	List<String> tagList() {
		return split(this.tags, "[,，、;；]");
	}

	List<String> creditList() {
		return split(this.credits, "\\R");
	}

	private static List<String> split(String text, String separators) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String join(List<String> values, String separator) {
		return values == null ? "" : String.join(separator, values);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
