package org.mufu.hub.channel;

import org.mufu.hub.KeyedException;

/** A channel a person named that the hub does not serve; the message lists the channels there are. */
public class NoSuchChannelException extends KeyedException {

	NoSuchChannelException(String channel, String channels) {
		super(null, "channel.no-such-channel", channel, channels);
	}
}
