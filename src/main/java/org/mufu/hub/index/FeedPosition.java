package org.mufu.hub.index;

/**
 * A place in a channel's feed: the change log entry that made the last item seen visible there, and its id (the
 * items of one imported pack share an entry). Items only ever arrive after every place a reader has reached.
 */
public record FeedPosition(long seq, String id) {
}
