package org.mufu.hub.channel;

import java.time.Duration;
import java.util.List;

import org.mufu.hub.content.ContentKind;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * A channel as configuration: what it takes, the pictures it needs, and the limits an item must meet.
 * Adding a channel (a county website, say) is a new entry under {@code hub.channels}.
 */
public record ChannelProfile(String label, List<ContentKind> kinds, @DefaultValue List<RenditionSpec> renditions,
		@DefaultValue Rules rules) {

	/** Limits checked before an item goes out; a limit left unset is not checked. */
	public record Rules(Integer titleMax, Integer authorMax, Integer digestMax, @DefaultValue("54") int digestFromBody,
			Integer bodyMaxChars, DataSize bodyMaxSize, @DefaultValue("false") boolean bodyRequired,
			VideoOrientation videoOrientation, Duration maxDuration, DataSize maxVideoSize, Double frameRate,
			List<String> videoTypes) {
	}

	public enum VideoOrientation {
		LANDSCAPE, PORTRAIT
	}
}
