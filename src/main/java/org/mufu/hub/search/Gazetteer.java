package org.mufu.hub.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The alliance's scenic spots, towns, rivers and routes with their coordinates ({@code search/gazetteer.json}). */
@Component
public class Gazetteer {

	/** A named place. */
	public record Place(String name, String county, String kind, double latitude, double longitude) {
	}

	private final List<Place> places;

	Gazetteer(ObjectMapper json) {
		try (InputStream in = new ClassPathResource("search/gazetteer.json").getInputStream()) {
			this.places = List.copyOf(json.readValue(in, new TypeReference<List<Place>>() {
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Place> all() {
		return this.places;
	}

	public Optional<Place> find(String name) {
		return this.places.stream().filter(place -> place.name().equals(name)).findFirst();
	}
}
