package org.mufu.hub.search;

import java.util.List;

import org.mufu.hub.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SavedSearchController {

	private final SavedSearches searches;

	SavedSearchController(SavedSearches searches) {
		this.searches = searches;
	}

	@QueryMapping
	List<SavedSearches.SavedSearch> savedSearches(Caller caller) {
		return this.searches.of(caller);
	}

	@MutationMapping
	List<SavedSearches.SavedSearch> saveSearch(@Argument String name, @Argument String link, Caller caller) {
		return this.searches.save(caller, name, link);
	}

	@MutationMapping
	List<SavedSearches.SavedSearch> deleteSavedSearch(@Argument String name, Caller caller) {
		return this.searches.delete(caller, name);
	}
}
