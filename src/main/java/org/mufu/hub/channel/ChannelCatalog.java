package org.mufu.hub.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The configured channels ({@code hub.channels}) and the rendition settings every channel shares. */
@ConfigurationProperties("hub")
public record ChannelCatalog(Map<String, ChannelProfile> channels, @DefaultValue Renditions renditions) {

	/** Settings of all renditions: how far a source may be enlarged, and the list thumbnail. */
	public record Renditions(@DefaultValue("1.5") double maxUpscale, @DefaultValue("320") int thumbWidth) {
	}

	public ChannelCatalog {
		Map<String, ChannelProfile> named = new LinkedHashMap<>();
		(channels == null ? Map.<String, ChannelProfile>of() : channels)
			.forEach((name, profile) -> named.put(name.toUpperCase(Locale.ROOT), profile));
		channels = named;
	}

	public List<String> names() {
		return List.copyOf(this.channels.keySet());
	}

	public Optional<ChannelProfile> find(String channel) {
		return channel == null ? Optional.empty() : Optional.ofNullable(this.channels.get(channel.toUpperCase(Locale.ROOT)));
	}

	/** The profile of a channel a person named, or a clear refusal listing the channels there are. */
	public ChannelProfile require(String channel) {
		return find(channel).orElseThrow(() -> new NoSuchChannelException(channel, String.join(", ", names())));
	}

	RenditionSpec thumb() {
		return new RenditionSpec("thumb", this.renditions.thumbWidth(), 0, RenditionSpec.Mode.FIT, 0.8f);
	}
}
