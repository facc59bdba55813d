package org.mufu.hub.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.HubException;
import org.mufu.hub.security.Caller;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.VersionedJson;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Each person's saved searches, one small versioned record per person in storage ({@code saved-searches/{who}/}),
 * so two windows saving at once both keep their search. A search is kept as the
 * console's address of it (words, filters, sort), so opening it runs the search again on today's archive.
 */
@Service
public class SavedSearches {

	static final int MAX_SAVED = 50;

	private static final int MAX_NAME = 40;

	private static final int MAX_LINK = 2000;

	private final VersionedJson<Kept> records;

	SavedSearches(ObjectStorage storage, ObjectMapper json) {
		this.records = new VersionedJson<>(storage, json, "saved-searches/", Kept.class);
	}

	/** A search someone saved: their name for it, the console address that runs it, and when. */
	public record SavedSearch(String name, String link, Instant savedAt) {
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<SavedSearch> of(Caller caller) {
		return this.records.find(key(caller)).map(Kept::searches).orElse(List.of());
	}

	/** Saves (or replaces, by name) a search; the person's searches, newest first. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<SavedSearch> save(Caller caller, String name, String link) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw HubException.badRequest("saved-search.name-invalid", MAX_NAME);
		}
		if (link == null || !link.startsWith("/console/archive") || link.length() > MAX_LINK) {
			throw HubException.badRequest("saved-search.link-invalid", MAX_LINK);
		}
		return change(caller, searches -> {
			searches.removeIf(s -> s.name().equals(trimmed));
			if (searches.size() >= MAX_SAVED) {
				throw HubException.badRequest("saved-search.too-many", MAX_SAVED);
			}
			searches.add(new SavedSearch(trimmed, link, Instant.now()));
		});
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<SavedSearch> delete(Caller caller, String name) {
		return change(caller, searches -> searches.removeIf(s -> s.name().equals(name)));
	}

	private List<SavedSearch> change(Caller caller, java.util.function.Consumer<List<SavedSearch>> edit) {
		return this.records.save(key(caller), current -> {
			List<SavedSearch> searches = new ArrayList<>(current.map(Kept::searches).orElse(List.of()));
			edit.accept(searches);
			searches.sort(Comparator.comparing(SavedSearch::savedAt).reversed());
			return Optional.of(new Kept(searches));
		}).map(Kept::searches).map(List::copyOf).orElse(List.of());
	}

	private static String key(Caller caller) {
		return caller.by().replace(':', '_');
	}

	/** What is stored for one person. */
	record Kept(List<SavedSearch> searches) {
	}
}
