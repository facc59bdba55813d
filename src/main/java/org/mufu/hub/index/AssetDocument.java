package org.mufu.hub.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An asset as the index keeps it: its record's own fields as stored, what the hub derives from them for asset
 * search (its type, aspect, nearest named place, camera make), and its words cut as item search cuts them.
 */
public record AssetDocument(String id, Map<String, Object> record, String type, String aspect, String place,
		String cameraMake, Long pixels, Place location, List<String> phashBands) {

	/** A point on the map, as the index's geo_point takes it. */
	public record Place(double lat, double lon) {
	}

	/** The document as Elasticsearch takes it. */
	public IndexedDocument indexed() {
		Map<String, Object> fields = new HashMap<>(this.record);
		put(fields, AssetFields.TYPE, this.type);
		put(fields, AssetFields.ASPECT, this.aspect);
		put(fields, AssetFields.PLACE, this.place);
		put(fields, AssetFields.CAMERA_MAKE, this.cameraMake);
		put(fields, AssetFields.PIXELS, this.pixels);
		if (this.location != null) {
			fields.put(AssetFields.LOCATION, Map.of("lat", this.location.lat(), "lon", this.location.lon()));
		}
		if (this.phashBands != null) {
			fields.put(AssetFields.PHASH_BANDS, this.phashBands);
		}
		List<String> words = new ArrayList<>();
		for (String field : List.of(AssetFields.TITLE, AssetFields.CAPTION, AssetFields.KEYWORDS, AssetFields.CREATOR,
				AssetFields.COPYRIGHT)) {
			add(words, this.record.get(field));
		}
		add(words, filenameWords(this.record.get(AssetFields.FILENAME)));
		add(words, this.place);
		String text = String.join(" ", words);
		fields.put(AssetFields.TEXT_SEG, ChineseSegmenter.segment(text));
		fields.put(AssetFields.ALL_TEXT, text);
		return new IndexedDocument(this.id, fields);
	}

	/* "huangpao-azaleas_2026.jpg" is found by huangpao, azaleas and 2026. */
	private static String filenameWords(Object filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[-_.]+", " ").strip();
	}

	private static void add(List<String> words, Object value) {
		if (value instanceof Collection<?> many) {
			many.stream().filter(Objects::nonNull).forEach(one -> add(words, one));
		}
		else if (value != null && !value.toString().isBlank()) {
			words.add(value.toString().strip());
		}
	}

	private static void put(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}
}
