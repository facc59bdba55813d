package org.mufu.hub.feed;

import java.util.List;

import org.mufu.hub.channel.Readiness;
import org.mufu.hub.content.ContentItem;

/** What {@code publish} answers: the published item, or the channels it is not ready for and why. */
public sealed interface PublishResult permits PublishResult.Published, PublishResult.NotReady {

	record Published(ContentItem content) implements PublishResult {
	}

	/** The item was not published: these channels refuse it, for these reasons. */
	record NotReady(ContentItem content, List<Readiness> channels) implements PublishResult {
	}
}
