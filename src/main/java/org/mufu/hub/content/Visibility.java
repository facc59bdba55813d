package org.mufu.hub.content;

/** Who may reuse an item: the owner's own channels only, or every member of the alliance. */
public enum Visibility {
	COUNTY, ALLIANCE
}
