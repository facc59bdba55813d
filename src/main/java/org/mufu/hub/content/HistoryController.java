package org.mufu.hub.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mufu.hub.security.OrganizationDirectory;
import org.mufu.hub.security.People;
import org.mufu.hub.security.Person;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Who moved an item, as people read it: history keeps a person's sign-in (or member:ROLE for an app's token), and
 * lists show 李娜, or the member's name for a token. Each sign-in in one answer is read once.
 */
@Controller
class HistoryController {

	private final People people;

	private final OrganizationDirectory members;

	HistoryController(People people, OrganizationDirectory members) {
		this.people = people;
		this.members = members;
	}

	@BatchMapping(typeName = "Transition")
	Map<ContentItem.Transition, String> byName(List<ContentItem.Transition> steps) {
		Map<String, String> names = new HashMap<>();
		return steps.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), step -> names.computeIfAbsent(step.by(), this::name)));
	}

	private String name(String by) {
		if (by == null) {
			return "";
		}
		int colon = by.indexOf(':');
		if (colon > 0) {
			return this.members.find(by.substring(0, colon)).map(member -> member.name()).orElse(by);
		}
		return this.people.find(by).map(Person::name).orElse(by);
	}
}
