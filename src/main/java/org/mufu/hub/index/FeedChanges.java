package org.mufu.hub.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeType;

import org.springframework.stereotype.Component;

/**
 * What channel apps are told about items their feed already gave them: a new version approved, withdrawn, expired
 * or deleted. One document per channel and log entry, in the {@code feed-changes} index, written by the indexer
 * before the item's own document (so an entry applied again finds them and writes the same ones) and never
 * changed after; read in log order, up to the indexer's checkpoint, like the feed.
 */
@Component
public class FeedChanges {

	/** What happened to an item a channel's apps had received. */
	public enum Kind {

		/** The item as the channel shows it changed: a new version approved, or its cover cut anew. */
		CHANGED,
		/** Taken off the channel: withdrawn, moved to a later time, or no longer published to it. */
		WITHDRAWN,
		EXPIRED,
		DELETED
	}

	/** One change told to a channel's apps, at its place in the log. */
	public record Entry(long seq, String contentId, String channel, Kind change, Audience audience, String owner,
			boolean alliance, List<String> topics, Instant at) {
	}

	/**
	 * What the index held of an item before an entry: its feed positions, and who could read it then (those are
	 * the readers to tell).
	 */
	record Prior(Map<String, Long> positions, String owner, boolean alliance, List<String> topics) {

		static final Prior NONE = new Prior(Map.of(), null, false, List.of());
	}

	private final ElasticsearchClient client;

	private final IndexNames names;

	FeedChanges(ElasticsearchClient client, IndexNames names) {
		this.client = client;
		this.names = names;
	}

	/**
	 * The changes an entry makes to what channels' apps had received: every channel the item had a position on
	 * before and has none on after is told why it left; a channel it stays on is told of a new version approved.
	 * An item narrowed from ALLIANCE to COUNTY is, for the other members' apps, withdrawn.
	 */
	static List<Entry> of(Change change, Prior before, Prior after) {
		List<Entry> entries = new ArrayList<>();
		before.positions().forEach((channel, position) -> {
			if (!after.positions().containsKey(channel)) {
				Kind kind = switch (change.type()) {
					case CONTENT_EXPIRED -> Kind.EXPIRED;
					case CONTENT_DELETED -> Kind.DELETED;
					default -> Kind.WITHDRAWN;
				};
				entries.add(entry(change, channel, kind, Audience.ALL, before));
			}
			else if (change.type() == ChangeType.CONTENT_REVISED && after.positions().get(channel).equals(position)) {
				boolean narrowed = before.alliance() && !after.alliance();
				entries.add(entry(change, channel, Kind.CHANGED, narrowed ? Audience.OWNER : Audience.ALL, before));
				if (narrowed) {
					entries.add(entry(change, channel, Kind.WITHDRAWN, Audience.OTHERS, before));
				}
			}
		});
		return entries;
	}

	/** Whose apps an entry is for, of those that could read the item: all, its owner's, or the other members'. */
	enum Audience {
		ALL, OWNER, OTHERS
	}

	private static Entry entry(Change change, String channel, Kind kind, Audience audience, Prior before) {
		return new Entry(change.seq(), change.subject(), channel, kind, audience, before.owner(), before.alliance(),
				before.topics(), change.at());
	}

	BulkOperation write(Entry entry) {
		Map<String, Object> document = new java.util.LinkedHashMap<>();
		document.put("seq", entry.seq());
		document.put("contentId", entry.contentId());
		document.put("channel", entry.channel());
		document.put("change", entry.change().name());
		document.put("audience", entry.audience().name());
		document.put("owner", entry.owner());
		document.put("alliance", entry.alliance());
		document.put("topics", entry.topics());
		document.put("at", entry.at() != null ? entry.at().toString() : null);
		String id = entry.seq() + ":" + entry.channel() + ":" + entry.contentId() + ":" + entry.audience();
		return BulkOperation.of(op -> op.index(i -> i.index(this.names.feedChanges()).id(id).document(document)));
	}

	/**
	 * A page of one channel's changes after a position, in log order, up to the checkpoint in the query: those about
	 * items the reader could read when the change happened (its own, or ALLIANCE ones).
	 */
	public FeedPage<Entry> page(FeedQuery query) {
		Query filter = filter(query);
		try {
			var response = this.client.search(s -> {
				s.index(this.names.feedChanges())
					.query(filter)
					.size(query.size() + 1)
					.trackTotalHits(t -> t.enabled(false))
					.sort(o -> o.field(f -> f.field("seq").order(SortOrder.Asc)))
					.sort(o -> o.field(f -> f.field("contentId").order(SortOrder.Asc)));
				if (query.after() != null) {
					s.searchAfter(FieldValue.of(query.after().seq()), FieldValue.of(query.after().id()));
				}
				return s;
			}, Map.class);
			List<FeedPosition> positions = new ArrayList<>();
			List<Entry> entries = new ArrayList<>();
			for (var hit : response.hits().hits()) {
				Map<?, ?> source = hit.source();
				positions.add(new FeedPosition(((Number) source.get("seq")).longValue(), (String) source.get("contentId")));
				entries.add(entry(source));
			}
			boolean more = entries.size() > query.size();
			int size = Math.min(entries.size(), query.size());
			return new FeedPage<>(positions.subList(0, size), entries.subList(0, size), more);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not read the " + query.channel() + " changes", ex);
		}
	}

	/* The channel's changes up to the indexer's checkpoint, of the owner and topics asked for, that the reader may see. */
	private static Query filter(FeedQuery query) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(f -> f.term(t -> t.field("channel").value(query.channel())));
		bool.filter(f -> f.range(r -> r.untyped(u -> u.field("seq").lte(JsonData.of(query.upTo())))));
		if (query.owner() != null) {
			bool.filter(f -> f.term(t -> t.field("owner").value(query.owner())));
		}
		if (query.topics() != null && !query.topics().isEmpty()) {
			bool.filter(f -> f.terms(t -> t.field("topics")
				.terms(v -> v.value(query.topics().stream().map(FieldValue::of).toList()))));
		}
		if (query.readerOrg() != null) {
			String reader = query.readerOrg();
			bool.filter(f -> f.bool(b -> b
				.should(s -> s.bool(own -> own.filter(o -> o.term(t -> t.field("owner").value(reader)))
					.mustNot(m -> m.term(t -> t.field("audience").value(Audience.OTHERS.name())))))
				.should(s -> s.bool(other -> other.filter(o -> o.term(t -> t.field("alliance").value(true)))
					.mustNot(m -> m.term(t -> t.field("owner").value(reader)))
					.mustNot(m -> m.term(t -> t.field("audience").value(Audience.OWNER.name())))))
				.minimumShouldMatch("1")));
		}
		return Query.of(q -> q.bool(bool.build()));
	}

	@SuppressWarnings("unchecked")
	private static Entry entry(Map<?, ?> source) {
		Object topics = source.get("topics");
		Object at = source.get("at");
		return new Entry(((Number) source.get("seq")).longValue(), (String) source.get("contentId"),
				(String) source.get("channel"), Kind.valueOf((String) source.get("change")),
				Audience.valueOf((String) source.get("audience")), (String) source.get("owner"),
				Boolean.TRUE.equals(source.get("alliance")), topics instanceof List<?> list ? (List<String>) list : List.of(),
				at != null ? Instant.parse(at.toString()) : null);
	}
}
