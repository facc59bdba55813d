package org.mufu.hub.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.content.PlaceNames;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The alliance's scenic spots, towns, rivers and routes with their coordinates ({@code search/gazetteer.json}). */
@Component
public class Gazetteer implements PlaceNames {

	/** How far from a named place a photo still counts as taken there. */
	static final double NEAR_KM = 5;

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

	@Override
	public Optional<String> near(double latitude, double longitude) {
		Place nearest = null;
		double best = NEAR_KM;
		for (Place place : this.places) {
			double km = km(latitude, longitude, place.latitude(), place.longitude());
			if (km <= best) {
				best = km;
				nearest = place;
			}
		}
		return Optional.ofNullable(nearest).map(Place::name);
	}

	/** Great-circle distance (haversine). */
	static double km(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * 6371.0 * Math.asin(Math.sqrt(a));
	}
}
