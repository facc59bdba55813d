package org.mufu.hub.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The alliance's members, seeded from {@code media-samples/members.json}. */
@Component
public class OrganizationDirectory {

	static final String SEED = "media-samples/members.json";

	private final Map<String, Organization> members = new LinkedHashMap<>();

	OrganizationDirectory(ObjectMapper json) {
		try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
			List<Organization> seeded = json.readValue(in, new TypeReference<>() {
			});
			seeded.forEach(member -> this.members.put(member.id(), member));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the members list " + SEED, ex);
		}
	}

	public List<Organization> all() {
		return List.copyOf(this.members.values());
	}

	public Optional<Organization> find(String id) {
		return Optional.ofNullable(this.members.get(id));
	}

	public boolean isMember(String id) {
		return this.members.containsKey(id);
	}
}
