package org.mufu.hub.index;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The aliases the hub reads and writes ({@code content}, {@code assets}); each points at one versioned
 * index ({@code content-v1}) so that a rebuilt index can replace the old one in one step.
 */
@Component
@EnableConfigurationProperties(IndexProperties.class)
public class IndexNames {

	static final String CONTENT = "content";

	static final String ASSETS = "assets";

	static final String FEED_CHANGES = "feed-changes";

	private final String prefix;

	IndexNames(IndexProperties properties) {
		this.prefix = properties.prefix();
	}

	public String content() {
		return this.prefix + CONTENT;
	}

	public String assets() {
		return this.prefix + ASSETS;
	}

	/** What channel apps are told about items they received; follows the log and is never rebuilt. */
	public String feedChanges() {
		return this.prefix + FEED_CHANGES;
	}

	String versioned(String alias, int version) {
		return alias + "-v" + version;
	}
}
