package org.mufu.hub;

import java.util.regex.Pattern;

/**
 * Text that people type or files carry (titles, digests, captions, tags, file names), kept as text: no control
 * characters, no bidirectional overrides or other invisible formatting that makes a name read otherwise than it
 * is, and nothing shaped like a tag. Whoever renders it as HTML escapes it; this keeps a field from carrying
 * markup to a channel that forgets to.
 */
public final class PlainText {

	/* A tag or comment as a browser would start one: '<' then a letter, '/', '!' or '?'. */
	private static final Pattern TAG = Pattern.compile("<[A-Za-z/!?][^<>]*>?");

	private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\n\\u00A0\\u3000]+");

	private PlainText() {
	}

	/** One line of text: a title, tag, name or author; runs of white space become one space. */
	public static String line(String text) {
		if (text == null) {
			return null;
		}
		String kept = text(text);
		return kept.indexOf('\n') < 0 && kept.indexOf('\t') < 0 && !kept.contains("  ") ? kept
				: SPACES.matcher(kept).replaceAll(" ").strip();
	}

	/** Text of one or more lines (a summary, a caption): line breaks and tabs are kept. */
	public static String text(String text) {
		if (text == null || isPlain(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter(PlainText::allowed).forEach(kept::appendCodePoint);
		return TAG.matcher(kept).replaceAll("").strip();
	}

	/* The common case, checked in one pass without allocating: nothing to remove. */
	private static boolean isPlain(String text) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (c == '<' || !allowed(c)) {
				return false;
			}
			i += Character.charCount(c);
		}
		return !text.isEmpty() && !Character.isWhitespace(text.charAt(0))
				&& !Character.isWhitespace(text.charAt(text.length() - 1));
	}

	private static boolean allowed(int c) {
		if (c == '\n' || c == '\t') {
			return true;
		}
		return switch (Character.getType(c)) {
			// controls; unassigned, private and surrogate code points
			case Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
			// invisible formatting: bidi embeddings, overrides and isolates, marks, zero-width space, BOM; the
			// zero-width joiner stays, emoji sequences need it
			case Character.FORMAT -> c == 0x200D;
			default -> c != 0x2028 && c != 0x2029;
		};
	}
}
