package org.mufu.hub.security;

/** What a token lets its holder do. */
public enum Role {

	/** A county media centre's staff: uploads and edits its own member's items. */
	UPLOADER,

	/** An alliance editor: reviews, publishes and searches every member's items. */
	EDITOR,

	/** A channel app (TV playout, WeChat publisher, short-video publisher): reads its feed, changes nothing. */
	CHANNEL,

	/** Admits members and issues credentials. */
	ADMIN
}
