package org.mufu.hub.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.Messages;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.channel.ChannelCatalog;
import org.mufu.hub.channel.ChannelReadiness;
import org.mufu.hub.channel.Readiness;
import org.mufu.hub.channel.RenditionService;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.content.ContentStatus;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.AuditTrail;
import org.mufu.hub.security.Caller;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Review and publishing: DRAFT → IN_REVIEW (submitForReview, by the owner) → PUBLISHED (publish, by an editor)
 * → WITHDRAWN; requestChanges sends an item back to DRAFT, and reopen a withdrawn one. Every step is kept in the
 * item's history.
 */
@Service
public class PublishingService {

	private final AuditTrail audit;

	private final ContentService contents;

	private final ChannelCatalog catalog;

	private final ChannelReadiness readiness;

	private final RenditionService renditions;

	private final PublishingClock clock = new PublishingClock();

	PublishingService(ContentService contents, ChannelCatalog catalog, ChannelReadiness readiness,
			RenditionService renditions, AuditTrail audit) {
		this.contents = contents;
		this.audit = audit;
		this.catalog = catalog;
		this.readiness = readiness;
		this.renditions = renditions;
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem submitForReview(Caller caller, String id, String note) {
		return this.contents.change(id, item -> {
			if (!AccessPolicy.mayChange(caller, item.owner())) {
				throw HubException.forbidden("publishing.submit-of-another-member", item.owner());
			}
			if (item.live()) {
				requirePending(item, ContentStatus.DRAFT, "submit");
				return item.pendingMoved(ContentStatus.IN_REVIEW, by(caller), note);
			}
			require(item, ContentStatus.DRAFT, "submit");
			return item.moved(ContentStatus.IN_REVIEW, by(caller), note, item.channels(), item.publishAt(),
					item.expireAt(), item.publishedAt());
		}, entry(ChangeType.CONTENT_SUBMITTED, caller));
	}

	@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
	public ContentItem requestChanges(Caller caller, String id, String note) {
		if (note == null || note.isBlank()) {
			throw HubException.badRequest("publishing.change-request-without-note");
		}
		return this.contents.change(id, item -> {
			if (item.live()) {
				requirePending(item, ContentStatus.IN_REVIEW, "request-changes");
				return item.pendingMoved(ContentStatus.DRAFT, by(caller), note);
			}
			require(item, ContentStatus.IN_REVIEW, "request-changes");
			return item.moved(ContentStatus.DRAFT, by(caller), note, item.channels(), item.publishAt(),
					item.expireAt(), item.publishedAt());
		}, entry(ChangeType.CONTENT_SENT_BACK, caller));
	}

	@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
	public PublishResult publish(Caller caller, String id, List<String> channels, Instant publishAt, Instant expireAt) {
		List<String> named = channelNames(channels);
		Instant now = this.clock.next();
		// a feed is read in publishing order; a time in the past would slip in behind readers' cursors
		Instant start = publishAt != null && publishAt.isAfter(now) ? publishAt : now;
		if (expireAt != null && !expireAt.isAfter(start)) {
			throw HubException.badRequest("publishing.expiry-before-publishing");
		}
		ContentItem stored = this.contents.find(id).orElseThrow(() -> HubException.notFound("content.not-found", id));
		// changes to a live item that are in review are what an editor approves by publishing it again
		ContentItem candidate = approving(stored) ? stored.approved() : stored;
		List<Readiness> blocked = named.stream()
			.map(channel -> this.readiness.check(candidate, channel))
			.filter(result -> !result.ready())
			.toList();
		if (!blocked.isEmpty()) {
			return new PublishResult.NotReady(candidate, blocked);
		}
		prepareRenditions(candidate, named);
		ContentItem published = this.contents.change(id, item -> {
			if (item.status() != ContentStatus.IN_REVIEW && item.status() != ContentStatus.PUBLISHED) {
				throw new HubException(ErrorKind.CONFLICT, "publishing.not-in-review", status(item.status()));
			}
			boolean approving = approving(item);
			if (approving != approving(stored)) {
				throw new HubException(ErrorKind.CONFLICT, "publishing.changed-while-publishing");
			}
			ContentItem next = approving ? item.approved() : item;
			String note = (approving ? "changes approved, " : "") + "to " + String.join(", ", named);
			return next.moved(ContentStatus.PUBLISHED, by(caller), note, named, start, expireAt,
					item.publishedAt() != null ? item.publishedAt() : Instant.now());
		}, (before, after) -> Change.of(
				approving(before) ? ChangeType.CONTENT_REVISED : ChangeType.CONTENT_PUBLISHED, id, after.version(),
				by(caller), newlyVisible(before, after), null));
		this.audit.record("PUBLISHED", caller.by(), id,
				String.join(", ", named) + (start.isAfter(now) ? " @ " + start : ""));
		return new PublishResult.Published(published);
	}

	@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
	public ContentItem withdraw(Caller caller, String id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw HubException.badRequest("publishing.withdrawal-without-reason");
		}
		ContentItem withdrawn = this.contents.change(id, item -> {
			require(item, ContentStatus.PUBLISHED, "withdraw");
			return item.moved(ContentStatus.WITHDRAWN, by(caller), reason, item.channels(), item.publishAt(),
					item.expireAt(), item.publishedAt());
		}, entry(ChangeType.CONTENT_WITHDRAWN, caller));
		this.audit.record("WITHDRAWN", caller.by(), id, reason);
		return withdrawn;
	}

	/** WITHDRAWN → DRAFT: a withdrawn item worked on again, to be submitted and published once more. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem reopen(Caller caller, String id, String note) {
		ContentItem reopened = this.contents.change(id, item -> {
			if (!AccessPolicy.mayChange(caller, item.owner())) {
				throw HubException.forbidden("publishing.reopen-of-another-member", item.owner());
			}
			require(item, ContentStatus.WITHDRAWN, "reopen");
			return item.moved(ContentStatus.DRAFT, by(caller), note, item.channels(), item.publishAt(),
					item.expireAt(), item.publishedAt());
		}, entry(ChangeType.CONTENT_SENT_BACK, caller));
		this.audit.record("REOPENED", caller.by(), id, note);
		return reopened;
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem setOverride(Caller caller, String id, String channel, ContentItem.ChannelOverride override) {
		this.catalog.require(channel);
		String name = channel.toUpperCase(Locale.ROOT);
		return this.contents.change(id, item -> {
			if (!AccessPolicy.mayChange(caller, item.owner())) {
				throw HubException.forbidden("publishing.override-of-another-member", item.owner());
			}
			boolean empty = override == null
					|| (override.title() == null && override.digest() == null && override.author() == null);
			return item.withOverride(name, empty ? null : override, by(caller));
		}, entry(ChangeType.CONTENT_CHANGED, caller));
	}

	/*
	 * The channels a publish makes the item visible on at once: those it is live on after and was not before.
	 * Adding TV to an item on WeChat gives it a position on TV only; a scheduled item gets its positions from the
	 * entry written when its time comes.
	 */
	static List<String> newlyVisible(ContentItem before, ContentItem after) {
		Instant now = Instant.now();
		List<String> was = live(before, now);
		return live(after, now).stream().filter(channel -> !was.contains(channel)).toList();
	}

	private static List<String> live(ContentItem item, Instant now) {
		boolean live = item.status() == ContentStatus.PUBLISHED
				&& (item.publishAt() == null || !item.publishAt().isAfter(now))
				&& (item.expireAt() == null || item.expireAt().isAfter(now));
		return live ? item.channels() : List.of();
	}

	private static java.util.function.BiFunction<ContentItem, ContentItem, Change> entry(ChangeType type,
			Caller caller) {
		return (before, after) -> Change.of(type, after.id(), after.version(), by(caller));
	}

	public List<Readiness> readiness(ContentItem item) {
		return this.readiness.checkAll(item);
	}

	/** Renditions are made at publishing, so channel apps never wait for them. */
	private void prepareRenditions(ContentItem item, List<String> channels) {
		if (item.coverSourceId() == null) {
			return;
		}
		var specs = new ArrayList<>(channels.stream()
			.flatMap(channel -> this.catalog.require(channel).renditions().stream())
			.toList());
		this.renditions.spec("thumb").ifPresent(specs::add);
		this.contents.assetOf(item.coverSourceId()).ifPresent(picture -> this.renditions.ensure(picture, specs));
	}

	private List<String> channelNames(List<String> channels) {
		if (channels == null || channels.isEmpty()) {
			throw HubException.badRequest("publishing.no-channel", String.join(", ", this.catalog.names()));
		}
		LinkedHashSet<String> names = new LinkedHashSet<>();
		for (String channel : channels) {
			this.catalog.require(channel);
			names.add(channel.toUpperCase(Locale.ROOT));
		}
		return List.copyOf(names);
	}

	/* A live item whose pending changes are in review: publishing it approves them. */
	private static boolean approving(ContentItem item) {
		return item.live() && item.pending() != null && item.pending().status() == ContentStatus.IN_REVIEW;
	}

	/* action names a step of review (submit, request-changes, withdraw) in the messages: publishing.action.* */
	private static void requirePending(ContentItem item, ContentStatus expected, String action) {
		if (item.pending() == null) {
			throw new HubException(ErrorKind.CONFLICT, "publishing.no-pending-changes", action(action));
		}
		if (item.pending().status() != expected) {
			throw new HubException(ErrorKind.CONFLICT, "publishing.pending-changes-in-wrong-status", status(expected),
					action(action), status(item.pending().status()));
		}
	}

	private static void require(ContentItem item, ContentStatus expected, String action) {
		if (item.status() != expected) {
			throw new HubException(ErrorKind.CONFLICT, "publishing.item-in-wrong-status", status(expected),
					action(action), status(item.status()));
		}
	}

	private static MessageSourceResolvable action(String action) {
		return Messages.of("publishing.action." + action);
	}

	private static MessageSourceResolvable status(ContentStatus status) {
		return Messages.of("content.status." + status.name());
	}

	/** Publishing times that never repeat and never go back, so no two items share a feed position. */
	static final class PublishingClock {

		private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

		Instant next() {
			long now = System.currentTimeMillis();
			return Instant.ofEpochMilli(this.last.updateAndGet(previous -> Math.max(previous + 1, now)));
		}
	}

	private static String by(Caller caller) {
		return caller.by();
	}
}
