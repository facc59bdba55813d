package org.mufu.hub.security;

import java.util.Collection;

/**
 * Who may read, change and use what: the one place these rules are written. GraphQL, {@code /media}, the feed,
 * search and the sharing statistics all ask here. The rules take plain facts (an owner, whether something is shared
 * with the alliance, whether it is on the channels), so they hold without a server and are tested as such.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/** What the policy needs to know of an item: who owns it, shared with the alliance or not, live or not. */
	public record Holding(String owner, boolean allianceWide, boolean published) {
	}

	/** Editors and administrators act for the whole alliance; everyone else for their own member. */
	public static boolean actsForAlliance(Caller caller) {
		return caller.role() == Role.EDITOR || caller.role() == Role.ADMIN;
	}

	/**
	 * The member whose view an index query must be limited to (own items and every ALLIANCE item), or null when
	 * the caller sees everything.
	 */
	public static String readerScope(Caller caller) {
		return actsForAlliance(caller) ? null : caller.org();
	}

	/** Whether the caller sees everything the given member owns, shared or not. */
	public static boolean seesAllOf(Caller caller, String owner) {
		return actsForAlliance(caller) || caller.org().equals(owner);
	}

	/** Own member's items, ALLIANCE items (published ones only for channel apps), or any item for editors. */
	public static boolean mayRead(Caller caller, Holding item) {
		if (seesAllOf(caller, item.owner())) {
			return true;
		}
		return caller.role() == Role.CHANNEL ? item.allianceWide() && item.published() : item.allianceWide();
	}

	/** The owner's own uploaders, editors and administrators; never a channel app. */
	public static boolean mayChange(Caller caller, String owner) {
		return actsForAlliance(caller) || (caller.role() == Role.UPLOADER && caller.org().equals(owner));
	}

	/**
	 * Whether a member may put an asset in its items: its own, or another member's that this member shares with
	 * the alliance, that is, one of the asset owner's own ALLIANCE items uses it. Who makes the change does not
	 * widen this: an editor building a member's item has that member's choice of files.
	 *
	 * @param itemsUsingIt the items that use the asset now
	 */
	public static boolean mayUse(String member, String assetOwner, Collection<Holding> itemsUsingIt) {
		return mayUse(member, assetOwner, false, itemsUsingIt);
	}

	/** As {@link #mayUse(String, String, Collection)}, where the owner may also have marked the file shareable. */
	public static boolean mayUse(String member, String assetOwner, boolean shareable, Collection<Holding> itemsUsingIt) {
		return member.equals(assetOwner) || shareable || sharedByOwner(assetOwner, itemsUsingIt);
	}

	/**
	 * Whether the caller may fetch an asset's bytes: one it sees all of its owner's files, or one an item it may
	 * read uses with the right to (see {@link #mayUse}).
	 */
	public static boolean mayReadAsset(Caller caller, String assetOwner, Collection<Holding> itemsUsingIt) {
		return mayReadAsset(caller, assetOwner, false, itemsUsingIt);
	}

	/** As {@link #mayReadAsset(Caller, String, Collection)}, where the owner may have marked the file shareable. */
	public static boolean mayReadAsset(Caller caller, String assetOwner, boolean shareable,
			Collection<Holding> itemsUsingIt) {
		if (seesAllOf(caller, assetOwner)) {
			return true;
		}
		return itemsUsingIt.stream()
			.anyMatch(item -> mayRead(caller, item) && mayUse(item.owner(), assetOwner, shareable, itemsUsingIt));
	}

	private static boolean sharedByOwner(String assetOwner, Collection<Holding> itemsUsingIt) {
		return itemsUsingIt.stream().anyMatch(item -> item.owner().equals(assetOwner) && item.allianceWide());
	}
}
