package org.mufu.hub.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mufu.hub.security.Organization;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The archive: one search box over items or assets, facets as checkboxes with their counts, filters, a grid or a
 * list. The form works as a plain GET; with htmx only the results are swapped, and the address follows.
 */
@Controller
class ArchiveController {

	/** Which facet fills which filter: the facet's name in the API, the form field's name. */
	private static final Map<String, String> ITEM_FACETS = Map.of("owner", "owner", "kind", "kind", "status", "status",
			"tags", "tag", "readyChannels", "ready", "orientation", "orientation");

	private static final Map<String, String> ASSET_FACETS = Map.of("owner", "owner", "type", "type", "place",
			"place_", "aspect", "orientation");

	private final ConsoleGraphQl graphQl;

	ArchiveController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	@GetMapping("/console/archive")
	String archive(@RequestParam MultiValueMap<String, String> params,
			@RequestAttribute(SignedIn.MEMBER) Organization member, Locale locale, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		boolean assets = "assets".equals(params.getFirst("tab"));
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("query", blankToNull(params.getFirst("q")));
		variables.put("after", blankToNull(params.getFirst("after")));
		String sort = blankToNull(params.getFirst("sort"));
		variables.put("sort", sort);
		variables.put("filter", assets ? assetFilter(params, member) : itemFilter(params, member));
		ConsoleGraphQl.Answer answer = this.graphQl.run(assets ? "assets" : "archive", variables, locale);
		model.addAttribute("tab", assets ? "assets" : "items");
		model.addAttribute("params", params.toSingleValueMap());
		model.addAttribute("chosen", params);
		model.addAttribute("view", "list".equals(params.getFirst("view")) ? "list" : "grid");
		model.addAttribute("result", answer.get(assets ? "searchAssets" : "search"));
		List<Map<String, Object>> organizations = answer.get("organizations");
		Map<String, Object> orgNames = new LinkedHashMap<>();
		if (organizations != null) {
			organizations.forEach(org -> orgNames.put((String) org.get("id"), org.get("name")));
		}
		model.addAttribute("orgNames", orgNames);
		model.addAttribute("problems", answer.problems());
		model.addAttribute("facetParams", assets ? ASSET_FACETS : ITEM_FACETS);
		model.addAttribute("saved", answer.get("savedSearches"));
		model.addAttribute("here", here(request));
		return "console/archive";
	}

	/* This search's address, without the page it is on: what a saved search keeps and a bulk action returns to. */
	private static String here(jakarta.servlet.http.HttpServletRequest request) {
		String query = request.getQueryString() == null ? ""
				: java.util.Arrays.stream(request.getQueryString().split("&"))
					.filter(p -> !p.startsWith("after=") && !p.startsWith("page="))
					.collect(java.util.stream.Collectors.joining("&"));
		return "/console/archive" + (query.isEmpty() ? "" : "?" + query);
	}

	@GetMapping("/console/suggest")
	String suggest(@RequestParam(name = "q", defaultValue = "") String prefix, Locale locale, Model model) {
		List<String> words = List.of();
		if (!prefix.isBlank() && prefix.length() <= 50) {
			ConsoleGraphQl.Answer answer = this.graphQl.run("suggest", Map.of("prefix", prefix.strip()), locale);
			words = answer.ok() ? answer.get("suggest") : List.of();
		}
		model.addAttribute("words", words);
		return "console/archive :: suggestions";
	}

	private static Map<String, Object> itemFilter(MultiValueMap<String, String> params, Organization member) {
		Map<String, Object> filter = new LinkedHashMap<>();
		putList(filter, "owners", params.get("owner"));
		putList(filter, "kinds", params.get("kind"));
		putList(filter, "statuses", params.get("status"));
		putList(filter, "tags", params.get("tag"));
		put(filter, "orientation", params.getFirst("orientation"));
		put(filter, "readyFor", params.getFirst("ready"));
		Map<String, Object> created = range(params.getFirst("from"), params.getFirst("to"), member.timeZone());
		if (created != null) {
			filter.put("created", created);
		}
		near(filter, params);
		return filter;
	}

	private static Map<String, Object> assetFilter(MultiValueMap<String, String> params, Organization member) {
		Map<String, Object> filter = new LinkedHashMap<>();
		putList(filter, "owners", params.get("owner"));
		putList(filter, "types", params.get("type"));
		putList(filter, "places", params.get("place_"));
		put(filter, "orientation", params.getFirst("orientation"));
		Map<String, Object> taken = range(params.getFirst("from"), params.getFirst("to"), member.timeZone());
		if (taken != null) {
			filter.put("taken", taken);
		}
		near(filter, params);
		return filter;
	}

	private static void near(Map<String, Object> filter, MultiValueMap<String, String> params) {
		String place = blankToNull(params.getFirst("place"));
		if (place != null) {
			double km = 5;
			try {
				km = Double.parseDouble(params.getFirst("km"));
			}
			catch (RuntimeException ex) {
				// the default distance
			}
			filter.put("near", Map.of("place", place, "km", Math.max(0.1, Math.min(km, 500))));
		}
	}

	/* Whole days in the member's zone: from the start of the first to the end of the last. */
	private static Map<String, Object> range(String from, String to, String zone) {
		Map<String, Object> range = new LinkedHashMap<>();
		try {
			if (blankToNull(from) != null) {
				range.put("from", LocalDate.parse(from).atStartOfDay(ZoneId.of(zone)).toOffsetDateTime().toString());
			}
			if (blankToNull(to) != null) {
				range.put("to", LocalDate.parse(to).plusDays(1).atStartOfDay(ZoneId.of(zone)).toOffsetDateTime()
					.toString());
			}
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return range.isEmpty() ? null : range;
	}

	private static void putList(Map<String, Object> filter, String name, List<String> values) {
		if (values != null) {
			List<String> chosen = values.stream().filter(v -> v != null && !v.isBlank()).toList();
			if (!chosen.isEmpty()) {
				filter.put(name, chosen);
			}
		}
	}

	private static void put(Map<String, Object> filter, String name, String value) {
		if (blankToNull(value) != null) {
			filter.put(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
