package org.mufu.hub.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.Workers;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.changelog.Leases;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes the index follow the change log. One hub at a time (the holder of the {@code indexer} lease) reads the
 * entries after its checkpoint, in order, and applies each to the index from the record as it now stands in
 * storage, with the entry's number as the document's external version: applying an entry twice, or an older one
 * after a newer, changes nothing. The checkpoint, {@code index/checkpoint.json}, moves once a batch is applied
 * and searchable; no feed page reaches past it. When Elasticsearch does not answer, the indexer tries again, and
 * catches up by itself when it returns. When caught up it writes the entries that scheduled times call for.
 */
@Component
public class LogIndexer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LogIndexer.class);

	static final String CHECKPOINT = "index/checkpoint.json";

	/* Present while the hub following the log cannot: when that began, when it was last said, and why. */
	static final String FAILING = "index/failing.txt";

	private static final Duration MARKER_BELIEVED = Duration.ofSeconds(20);

	/** A rebuilt index waiting to be switched to: its two indices and the entry it holds up to. */
	static final String SWITCH = "index/switch.txt";

	private static final String LEASE = "indexer";

	private static final int BATCH = 500;

	private static final int BULK = 1000;

	/** Items (a pack counts 500) applied between two checkpoints. */
	private static final int PART_WEIGHT = 10_000;

	private final ChangeLog log;

	private final Leases leases;

	private final ObjectStorage storage;

	private final ElasticsearchClient client;

	private final UsageQueries usage;

	private final IndexNames names;

	private final ObjectProvider<Reindexer.Source> records;

	private final Duration leaseTime;

	private final ExecutorService readers = Workers.pool("indexer-reader", 8);

	private final ExecutorService bulks = Workers.pool("indexer-bulk", 2);

	private final Object progress = new Object();

	private volatile long applied = -1;

	private volatile long checkpointReadAt;

	private volatile boolean holder;

	private volatile long leaseRenewedAt;

	private volatile boolean running;

	/** This hub follows the log and Elasticsearch refuses: waiting for the index would only delay the answer. */
	private volatile boolean failing;

	private volatile Instant nextDueCheck = Instant.EPOCH;

	private volatile boolean switchAsked;

	private volatile long refreshedAt;

	/** How often the index is made searchable while entries keep coming, in milliseconds. */
	private static final long REFRESH_EVERY = 1000;

	private volatile long switchCheckedAt;

	private final SearchCluster cluster;

	private final FeedChanges feedChanges;

	private Thread worker;

	LogIndexer(ChangeLog log, Leases leases, ObjectStorage storage, ElasticsearchClient client, IndexNames names,
			ObjectProvider<Reindexer.Source> records, @Value("${hub.index.lease:20s}") Duration leaseTime,
			SearchCluster cluster, FeedChanges feedChanges) {
		this.cluster = cluster;
		this.feedChanges = feedChanges;
		this.log = log;
		this.leases = leases;
		this.storage = storage;
		this.client = client;
		this.usage = new UsageQueries(client);
		this.names = names;
		this.records = records;
		this.leaseTime = leaseTime;
	}

	private volatile Instant failingSince = Instant.EPOCH;

	private volatile long failingReadAt;

	private boolean failingMayBeSaid;

	private volatile Optional<Instant> failingElsewhere = Optional.empty();

	/** The last entry the index holds, as far as this hub knows (read from storage at most every 100 ms). */
	public long checkpoint() {
		if (!this.holder && System.currentTimeMillis() - this.checkpointReadAt > 100) {
			try {
				readCheckpoint();
			}
			catch (RuntimeException ex) {
				// storage not answering: the last checkpoint known stays a safe one
				logger.debug("Could not read the index checkpoint", ex);
			}
		}
		return Math.max(this.applied, 0);
	}

	/**
	 * Since when the index has not been following the log, as the hub following it said (any hub may ask); empty
	 * while it follows. Read from storage at most once a second.
	 */
	public Optional<Instant> failingSince() {
		if (this.holder) {
			return this.failing ? Optional.of(this.failingSince) : Optional.empty();
		}
		long now = System.currentTimeMillis();
		if (now - this.failingReadAt > 1000) {
			this.failingReadAt = now;
			try {
				this.failingElsewhere = this.storage.find(FAILING).flatMap(LogIndexer::believed);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read whether the index is following", ex);
			}
		}
		return this.failingElsewhere;
	}

	/* After a step that went well: says so, to other hubs too, once Elasticsearch answers again. */
	private void followingAgain(int failures) {
		if (failures > 0 || this.failingMayBeSaid) {
			// a quiet step may not have asked Elasticsearch anything: it is asked before all is called well
			if (!this.cluster.status().up()) {
				throw new IndexUnavailableException("Elasticsearch is not answering", null);
			}
			// said by this hub, or by the one it took over from
			this.storage.delete(FAILING);
			this.failingMayBeSaid = false;
		}
		if (failures > 0) {
			logger.info("The index is following the change log again, at entry " + this.applied);
		}
		this.failing = false;
	}

	/*
	 * The marker names when the failing began and when it was last said: the hub following the log says it again
	 * at each try (every 5 s at most), and other hubs believe it for 20 s after, so a marker left by a hub that
	 * lost the lease, or stopped, is soon disbelieved.
	 */
	private void tellOtherHubs(RuntimeException failure, boolean first) {
		Instant now = Instant.now();
		if (first) {
			this.failingSince = now;
		}
		try {
			this.storage.putBytes(FAILING, (this.failingSince + "\n" + now + "\n" + failure.getMessage())
				.getBytes(StandardCharsets.UTF_8), "text/plain");
		}
		catch (RuntimeException ex) {
			logger.debug("Could not tell other hubs that the index is not following", ex);
		}
	}

	private static Optional<Instant> believed(byte[] marker) {
		List<String> lines = new String(marker, StandardCharsets.UTF_8).lines().toList();
		if (lines.size() < 2 || Instant.parse(lines.get(1)).isBefore(Instant.now().minus(MARKER_BELIEVED))) {
			return Optional.empty();
		}
		return Optional.of(Instant.parse(lines.get(0)));
	}

	/** Waits, at most {@code timeout}, until the index holds entry {@code seq}; whether it does. */
	public boolean awaitApplied(long seq, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (checkpoint() < seq) {
			// the hub following the log cannot: the answer says so at once rather than after the whole wait
			if (failingSince().isPresent()) {
				return false;
			}
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return false;
			}
			synchronized (this.progress) {
				try {
					this.progress.wait(Math.min(left, this.holder ? 100 : 20));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = new Thread(this::follow, "log-indexer");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		boolean ended = true;
		if (this.worker != null) {
			this.worker.interrupt();
			try {
				this.worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			ended = !this.worker.isAlive();
		}
		boolean held = this.holder;
		this.holder = false;
		// a worker still applying keeps the lease until it runs out, so no other hub applies beside it
		if (held && ended) {
			try {
				this.leases.release(LEASE);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release the indexer lease; it runs out by itself", ex);
			}
		}
		this.readers.shutdownNow();
		this.bulks.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/*
	 * Entries are sent to Elasticsearch as they come; the index is refreshed (made searchable) and the checkpoint
	 * moved when the log has nothing more, or at least once a second while it keeps coming, so an import's
	 * hundreds of entries make a few segments rather than one each.
	 */
	private void follow() {
		int failures = 0;
		long sent = -1;
		while (this.running) {
			try {
				if (!holdLease()) {
					sent = -1;
					Thread.sleep(Math.max(500, this.leaseTime.toMillis() / 4));
					continue;
				}
				sent = step(sent);
				followingAgain(failures);
				failures = 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// what was sent since the checkpoint is sent again: applying an entry twice changes nothing
				sent = -1;
				this.failing = true;
				tellOtherHubs(ex, failures == 0);
				if (failures++ == 0) {
					logger.warn("The index could not follow the change log after entry " + this.applied + " ("
							+ ex.getMessage() + "); trying again until it can");
				}
				try {
					Thread.sleep(Math.min(5000, 100L << Math.min(failures, 6)));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/*
	 * One turn while holding the lease: apply what the log has after what was sent, make what was sent searchable
	 * when the log is quiet, or wait for the next entry. Returns the last entry sent to the index.
	 */
	private long step(long sent) throws InterruptedException {
		switchIfAsked();
		List<Change> batch = this.log.readAfter(Math.max(this.applied, sent), BATCH);
		if (batch.isEmpty() && sent > this.applied) {
			refreshAndAdvance(sent);
			return sent;
		}
		if (batch.isEmpty()) {
			writeDueChanges();
			this.log.awaitAppend(this.applied, 100);
			return sent;
		}
		long last = sent;
		for (List<Change> part : parts(batch)) {
			// a long batch renews the lease as it goes, and stops if another hub has taken it
			if (!holdLease()) {
				break;
			}
			apply(part, this.names.content(), this.names.assets());
			last = part.get(part.size() - 1).seq();
			if (System.currentTimeMillis() - this.refreshedAt >= REFRESH_EVERY) {
				refreshAndAdvance(last);
			}
		}
		return last;
	}

	/**
	 * Has the hub following the log (this one or another) bring new indices up to the end of the log and move the
	 * aliases onto them between two of its batches, then drop the old ones; returns once that is done. A rebuild
	 * that moved the aliases itself would race the indexer: what it applied to the old indices in between would
	 * be missing from the new ones.
	 */
	void switchTo(String contentIndex, String assetIndex, long from, Duration timeout) {
		this.storage.putBytes(SWITCH, (contentIndex + "\n" + assetIndex + "\n" + from).getBytes(StandardCharsets.UTF_8),
				"text/plain");
		this.switchAsked = true;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.storage.exists(SWITCH)) {
			if (System.nanoTime() > deadline) {
				throw new IndexUnavailableException("No hub moved the index onto the rebuilt one within "
						+ timeout.toMinutes() + " minutes", null);
			}
			synchronized (this.progress) {
				try {
					this.progress.wait(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IndexUnavailableException("Interrupted while the index was being switched", ex);
				}
			}
		}
	}

	private void switchIfAsked() {
		long now = System.currentTimeMillis();
		if (!this.switchAsked && now - this.switchCheckedAt < 1000) {
			return;
		}
		this.switchAsked = false;
		this.switchCheckedAt = now;
		Optional<byte[]> request = this.storage.find(SWITCH);
		if (request.isEmpty()) {
			return;
		}
		String[] parts = new String(request.get(), StandardCharsets.UTF_8).split("\n");
		long after = Long.parseLong(parts[2]);
		for (List<Change> changes = this.log.readAfter(after, BATCH); !changes.isEmpty(); changes = this.log
			.readAfter(after, BATCH)) {
			apply(changes, parts[0], parts[1]);
			after = changes.get(changes.size() - 1).seq();
		}
		try {
			List<String> old = new ArrayList<>(this.cluster.moveAlias(this.names.content(), parts[0]));
			old.addAll(this.cluster.moveAlias(this.names.assets(), parts[1]));
			for (String index : old) {
				this.client.indices().delete(d -> d.index(index));
			}
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not move the index onto the rebuilt one", ex);
		}
		refresh(this.names.content(), this.names.assets(), this.names.feedChanges());
		if (after > this.applied) {
			advance(after);
		}
		this.storage.delete(SWITCH);
		logger.info("The index now reads from " + parts[0] + " and " + parts[1] + ", up to change " + after);
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	/* A pack entry stands for up to 500 items: a few packs at a time keep the documents in hand few. */
	private static List<List<Change>> parts(List<Change> batch) {
		List<List<Change>> parts = new ArrayList<>();
		List<Change> part = new ArrayList<>();
		int weight = 0;
		for (Change change : batch) {
			part.add(change);
			weight += change.type() == ChangeType.PACK_IMPORTED || change.type() == ChangeType.PACK_WITHDRAWN ? 500 : 1;
			if (weight >= PART_WEIGHT) {
				parts.add(part);
				part = new ArrayList<>();
				weight = 0;
			}
		}
		if (!part.isEmpty()) {
			parts.add(part);
		}
		return parts;
	}

	private boolean holdLease() {
		long now = System.currentTimeMillis();
		if (now - this.leaseRenewedAt > this.leaseTime.toMillis() / 4) {
			boolean held = this.leases.hold(LEASE, this.leaseTime);
			if (held && !this.holder) {
				readCheckpoint();
				this.failingMayBeSaid = true;
				logger.info("This hub now keeps the index following the change log, from entry " + this.applied);
			}
			this.holder = held;
			this.leaseRenewedAt = now;
		}
		return this.holder;
	}

	private void refreshAndAdvance(long seq) {
		refresh(this.names.content(), this.names.assets(), this.names.feedChanges());
		advance(seq);
	}

	private void advance(long seq) {
		this.storage.putBytes(CHECKPOINT, Long.toString(seq).getBytes(StandardCharsets.UTF_8), "text/plain");
		this.applied = seq;
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	private void readCheckpoint() {
		this.checkpointReadAt = System.currentTimeMillis();
		long stored = this.storage.find(CHECKPOINT)
			.map(bytes -> Long.parseLong(new String(bytes, StandardCharsets.UTF_8).strip()))
			.orElse(0L);
		if (stored > this.applied) {
			this.applied = stored;
			synchronized (this.progress) {
				this.progress.notifyAll();
			}
		}
	}

	/**
	 * Applies entries to the given indices, in order, each from the record as it stands now; {@link #refresh}
	 * makes them searchable. Also what a rebuild uses to bring a new index up to date with the entries written
	 * while it was built.
	 */
	void apply(List<Change> logged, String contentIndex, String assetIndex) {
		Reindexer.Source source = this.records.getObject();
		Map<String, Optional<IndexedDocument>> settled = settleAssets(logged, source);
		List<Change> changes = withPacksWithdrawn(withCoversRecut(logged, contentIndex), source);
		Batch batch = new Batch(read(changes, false, source::content));
		batch.prior.putAll(prior(contentIndex, batch.contents.keySet(), batch.facts, batch.indexedAt));
		List<Change> packs = new ArrayList<>();
		for (Change change : changes) {
			if (change.type().aboutAsset()) {
				batch.assets.add(change.subject());
			}
			else if (change.type() == ChangeType.PACK_IMPORTED) {
				packs.add(change);
			}
			else {
				item(change, batch, contentIndex);
			}
		}
		List<IndexedDocument> enriched = SearchFields.enrichAll(batch.documents);
		for (int i = 0; i < enriched.size(); i++) {
			IndexedDocument document = enriched.get(i);
			batch.operations.add(index(contentIndex, document.fields(), document.id(), batch.versions.get(i)));
		}
		// what apps are told goes first: an entry applied again reads the positions its first application wrote
		// and finds nothing left to tell, so what it told must already be kept
		send(batch.told);
		send(batch.operations);
		List<Runnable> packBulks = new ArrayList<>();
		for (int start = 0; start < packs.size(); start += 2) {
			List<Change> two = packs.subList(start, Math.min(packs.size(), start + 2));
			packBulks.add(() -> batch.assets.addAll(indexPacks(source, two, contentIndex)));
		}
		Workers.run(this.bulks, packBulks);
		if (!batch.assets.isEmpty()) {
			// the items' documents searchable for the assets' uses; not the refresh the checkpoint waits for
			refreshOnly(contentIndex);
			deriveAssets(batch.assets, settled, source, contentIndex, assetIndex, logged.get(logged.size() - 1).seq());
		}
	}

	/* What one batch of entries reads and writes: items' records and prior state in, operations out. */
	private static final class Batch {

		final Map<String, Optional<IndexedDocument>> contents;

		final Map<String, FeedChanges.Prior> prior = new HashMap<>();

		final Map<String, AssetUsage.Facts> facts = new HashMap<>();

		/* the entry each item's document was last written at */
		final Map<String, Long> indexedAt = new HashMap<>();

		final List<BulkOperation> told = new ArrayList<>();

		final List<BulkOperation> operations = new ArrayList<>();

		final List<IndexedDocument> documents = new ArrayList<>();

		final List<Long> versions = new ArrayList<>();

		/* assets whose documents are written again after the batch's items */
		final Set<String> assets = java.util.concurrent.ConcurrentHashMap.newKeySet();

		Batch(Map<String, Optional<IndexedDocument>> contents) {
			this.contents = contents;
		}
	}

	/*
	 * One entry about an item: its document from the record as it stands (or its removal), its feed positions
	 * after the entry, what its channels' apps are told, and which assets' uses changed.
	 */
	private void item(Change change, Batch batch, String contentIndex) {
		String id = change.subject();
		FeedChanges.Prior before = batch.prior.getOrDefault(id, FeedChanges.Prior.NONE);
		Map<String, Long> next = FeedPositions.after(before.positions(), change);
		Optional<IndexedDocument> item = change.type() == ChangeType.CONTENT_DELETED ? Optional.empty()
				: batch.contents.get(id);
		FeedChanges.Prior written = FeedChanges.Prior.NONE;
		AssetUsage.Facts now = AssetUsage.Facts.NONE;
		if (item.isEmpty()) {
			batch.prior.remove(id);
			batch.operations.add(delete(contentIndex, id, change.seq()));
		}
		else {
			Map<String, Object> fields = new HashMap<>(item.get().fields());
			written = prior(FeedPositions.write(next, fields), fields);
			batch.prior.put(id, written);
			now = AssetUsage.Facts.of(fields);
			batch.documents.add(new IndexedDocument(id, fields));
			batch.versions.add(change.seq());
		}
		AssetUsage.Facts was = batch.facts.getOrDefault(id, AssetUsage.Facts.NONE);
		// an entry applied again (after a failure between the item's bulk and its assets') finds nothing changed
		// in the index: its assets are derived again all the same
		boolean again = batch.indexedAt.getOrDefault(id, 0L) >= change.seq();
		batch.assets.addAll(again ? AssetUsage.affected(AssetUsage.Facts.NONE, was.withUsed(now.used()))
				: AssetUsage.affected(was, now));
		batch.facts.put(id, now);
		FeedChanges.of(change, before, written).forEach(entry -> batch.told.add(this.feedChanges.write(entry)));
	}

	/*
	 * An asset's document is its record and what the items that use it say (see AssetUsage): written after the
	 * batch's items are in the content index, from the record as it stands, at the batch's last entry, so an
	 * asset changed and used in one batch is written once, and applying the batch again writes nothing new.
	 */
	private void deriveAssets(Set<String> ids, Map<String, Optional<IndexedDocument>> settled,
			Reindexer.Source source, String contentIndex, String assetIndex, long version) {
		List<String> all = List.copyOf(ids);
		// the assets this batch's entries name were read as they settled; only the others are read now
		List<Optional<IndexedDocument>> records = Workers.all(this.readers, all.stream()
			.<Callable<Optional<IndexedDocument>>>map(id -> settled.containsKey(id) ? () -> settled.get(id)
					: () -> source.asset(id))
			.toList());
		Map<String, List<AssetUsage.Use>> uses = this.usage.usesOf(contentIndex, all);
		List<BulkOperation> operations = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			String id = all.get(i);
			operations.add(records.get(i)
				.map(document -> index(assetIndex,
						AssetUsage.with(new HashMap<>(document.fields()), uses.getOrDefault(id, List.of())), id, version))
				.orElseGet(() -> delete(assetIndex, id, version)));
		}
		send(operations);
	}

	/* A withdrawn pack's items leave as deleted items do, at the withdrawal's place in the log. */
	private static List<Change> withPacksWithdrawn(List<Change> changes, Reindexer.Source source) {
		if (changes.stream().noneMatch(change -> change.type() == ChangeType.PACK_WITHDRAWN)) {
			return changes;
		}
		List<Change> expanded = new ArrayList<>();
		for (Change change : changes) {
			if (change.type() != ChangeType.PACK_WITHDRAWN) {
				expanded.add(change);
				continue;
			}
			source.packMembers(change.subject(), change.version()).forEach(id -> expanded.add(new Change(change.seq(),
					ChangeType.CONTENT_DELETED, id, 0, change.by(), change.at(), List.of(), change.note())));
		}
		return expanded;
	}

	/*
	 * Assets whose entries name a revision are brought up to it first (their hub logs a change before it writes the
	 * record), so the asset documents, and the items re-applied for a moved focal point, are built from it. Returns
	 * them as read, for the asset documents.
	 */
	private Map<String, Optional<IndexedDocument>> settleAssets(List<Change> changes, Reindexer.Source source) {
		Map<String, Integer> revisions = new LinkedHashMap<>();
		changes.stream()
			.filter(change -> change.type().aboutAsset() && change.version() > 0)
			.forEach(change -> revisions.merge(change.subject(), change.version(), Math::max));
		// a file deleted in the same batch is read again when its document goes
		changes.stream()
			.filter(change -> change.type() == ChangeType.ASSET_DELETED)
			.forEach(change -> revisions.remove(change.subject()));
		List<String> ids = List.copyOf(revisions.keySet());
		List<Optional<IndexedDocument>> read = Workers.all(this.readers, ids.stream()
			.<Callable<Optional<IndexedDocument>>>map(id -> () -> source.asset(id, revisions.get(id)))
			.toList());
		Map<String, Optional<IndexedDocument>> settled = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			settled.put(ids.get(i), read.get(i));
		}
		return settled;
	}

	/*
	 * A moved focal point changes how every item with that cover looks on its channels: each item on a feed is
	 * applied again at the same place in the log, as a revision that adds no channel, so its document names the new
	 * renditions and its channels' apps are told it changed.
	 */
	private List<Change> withCoversRecut(List<Change> changes, String contentIndex) {
		if (changes.stream().noneMatch(change -> change.type() == ChangeType.ASSET_FOCAL_POINT_MOVED)) {
			return changes;
		}
		List<Change> expanded = new ArrayList<>();
		for (Change change : changes) {
			expanded.add(change);
			if (change.type() == ChangeType.ASSET_FOCAL_POINT_MOVED) {
				this.usage.onFeedsUsing(contentIndex, change.subject()).forEach(id -> expanded.add(new Change(change.seq(),
						ChangeType.CONTENT_REVISED, id, 0, change.by(), change.at(), List.of(), null)));
			}
		}
		return expanded;
	}

	/*
	 * Packs from their records to Elasticsearch, two packs (a thousand items) to a bulk and two bulks at a time, as
	 * imports sent them before the log: while Elasticsearch indexes one bulk, the hub cuts the next one's text into
	 * words on the other core. (Cutting every pack of a batch first and sending them after left one side idle while
	 * the other worked.)
	 */
	private Set<String> indexPacks(Reindexer.Source source, List<Change> packs, String contentIndex) {
		Set<String> used = new java.util.HashSet<>();
		List<IndexedDocument> documents = new ArrayList<>();
		List<Long> versions = new ArrayList<>();
		for (Change pack : packs) {
			for (IndexedDocument document : source.pack(pack.subject())) {
				Map<String, Object> fields = new HashMap<>(document.fields());
				used.addAll(AssetUsage.Facts.of(fields).used());
				FeedPositions.write(FeedPositions.imported(pack, fields), fields);
				documents.add(new IndexedDocument(document.id(), fields));
				versions.add(pack.seq());
			}
		}
		List<IndexedDocument> enriched = SearchFields.enrichAll(documents);
		List<BulkOperation> operations = new ArrayList<>(enriched.size());
		for (int i = 0; i < enriched.size(); i++) {
			IndexedDocument document = enriched.get(i);
			operations.add(index(contentIndex, document.fields(), document.id(), versions.get(i)));
		}
		for (int start = 0; start < operations.size(); start += BULK) {
			bulk(operations.subList(start, Math.min(operations.size(), start + BULK)));
		}
		return used;
	}

	/**
	 * The current records of the items (or assets) the changes name, each read once, side by side, at least at the
	 * last version the changes name.
	 */
	private Map<String, Optional<IndexedDocument>> read(List<Change> changes, boolean assets,
			java.util.function.BiFunction<String, Integer, Optional<IndexedDocument>> reader) {
		Map<String, Integer> versions = new LinkedHashMap<>();
		changes.stream()
			.filter(change -> change.type().aboutAsset() == assets && change.type() != ChangeType.PACK_IMPORTED)
			.forEach(change -> versions.merge(change.subject(), change.version(), Math::max));
		List<String> ids = List.copyOf(versions.keySet());
		List<Callable<Optional<IndexedDocument>>> reads = ids.stream()
			.<Callable<Optional<IndexedDocument>>>map(id -> () -> reader.apply(id, versions.get(id)))
			.toList();
		List<Optional<IndexedDocument>> found = Workers.all(this.readers, reads);
		Map<String, Optional<IndexedDocument>> byId = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			byId.put(ids.get(i), found.get(i));
		}
		return byId;
	}

	/* The feed positions, owner, visibility and topics the index holds of each item, before the entries apply. */
	private Map<String, FeedChanges.Prior> prior(String index, Set<String> ids, Map<String, AssetUsage.Facts> facts,
			Map<String, Long> indexedAt) {
		Map<String, FeedChanges.Prior> prior = new HashMap<>();
		if (ids.isEmpty()) {
			return prior;
		}
		try {
			for (MultiGetResponseItem<Map> item : this.client.mget(m -> m.index(index)
				.ids(List.copyOf(ids))
				.sourceIncludes(FeedPositions.POSITIONS, ContentFields.OWNER, ContentFields.VISIBILITY,
						ContentFields.TOPICS, ContentFields.STATUS, ContentFields.USED_ASSET_IDS), Map.class).docs()) {
				if (item.isResult() && item.result().found() && item.result().source() != null) {
					@SuppressWarnings("unchecked")
					Map<String, Object> source = item.result().source();
					prior.put(item.result().id(), prior(FeedPositions.read(source.get(FeedPositions.POSITIONS)), source));
					facts.put(item.result().id(), AssetUsage.Facts.of(source));
					if (item.result().version() != null) {
						indexedAt.put(item.result().id(), item.result().version());
					}
				}
			}
			return prior;
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not read feed positions", ex);
		}
	}

	private static FeedChanges.Prior prior(Map<String, Long> positions, Map<String, Object> fields) {
		return new FeedChanges.Prior(positions, (String) fields.get(ContentFields.OWNER),
				"ALLIANCE".equals(String.valueOf(fields.get(ContentFields.VISIBILITY))), strings(fields.get(ContentFields.TOPICS)));
	}

	private static BulkOperation index(String index, Map<String, Object> fields, String id, long version) {
		return BulkOperation.of(op -> op
			.index(i -> i.index(index).id(id).document(fields).version(version).versionType(VersionType.External)));
	}

	private static BulkOperation delete(String index, String id, long version) {
		return BulkOperation
			.of(op -> op.delete(d -> d.index(index).id(id).version(version).versionType(VersionType.External)));
	}

	/* Two bulks at a time; their order does not matter, the external versions settle it. */
	private void send(List<BulkOperation> operations) {
		List<Runnable> requests = new ArrayList<>();
		for (int start = 0; start < operations.size(); start += BULK) {
			List<BulkOperation> slice = operations.subList(start, Math.min(operations.size(), start + BULK));
			requests.add(() -> bulk(slice));
		}
		Workers.run(this.bulks, requests);
	}

	private void bulk(List<BulkOperation> operations) {
		try {
			BulkResponse response = this.client.bulk(BulkRequest.of(b -> b.operations(operations)));
			if (response.errors()) {
				List<BulkResponseItem> failed = response.items()
					.stream()
					.filter(item -> item.error() != null && !"version_conflict_engine_exception".equals(item.error().type()))
					.toList();
				if (!failed.isEmpty()) {
					throw new IndexUnavailableException("Elasticsearch refused " + failed.size() + " documents, the "
							+ "first because " + failed.get(0).error().reason(), null);
				}
			}
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not apply the change log", ex);
		}
	}

	/** Makes what was sent to the indices searchable. */
	void refresh(String... indices) {
		this.refreshedAt = System.currentTimeMillis();
		refreshOnly(indices);
	}

	private void refreshOnly(String... indices) {
		try {
			this.client.indices().refresh(r -> r.index(List.of(indices)));
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not make changes searchable", ex);
		}
	}

	/*
	 * Scheduled items whose time has come, and live items whose expiry has passed, each get one entry; once it is
	 * applied the item no longer matches, so the next look finds it no more. At most once a second.
	 */
	private void writeDueChanges() {
		Instant now = Instant.now();
		if (now.isBefore(this.nextDueCheck)) {
			return;
		}
		this.nextDueCheck = now.plusSeconds(1);
		String at = now.toString();
		for (Map<String, Object> due : dueItems(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field(FeedPositions.AWAITING)))
			.filter(f -> f.term(t -> t.field(ContentFields.STATUS).value("PUBLISHED")))
			.filter(f -> f.range(r -> r.date(d -> d.field(ContentFields.PUBLISH_AT).lte(at))))
			.mustNot(m -> m.range(r -> r.date(d -> d.field(ContentFields.EXPIRE_AT).lte(at))))))) {
			this.log.append(Change.of(ChangeType.CONTENT_SCHEDULE_REACHED, (String) due.get(ContentFields.ID), version(due),
					"hub", strings(due.get(FeedPositions.AWAITING)), null));
		}
		for (Map<String, Object> due : dueItems(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field(FeedPositions.FEED_CHANNELS)))
			.filter(f -> f.range(r -> r.date(d -> d.field(ContentFields.EXPIRE_AT).lte(at))))))) {
			this.log.append(Change.of(ChangeType.CONTENT_EXPIRED, (String) due.get(ContentFields.ID), version(due), "hub"));
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private List<Map<String, Object>> dueItems(
			java.util.function.Function<co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder, co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.query_dsl.Query>> query) {
		try {
			return this.client.search(s -> s.index(this.names.content())
				.query(query)
				.size(500)
				.source(src -> src
					.filter(f -> f.includes(ContentFields.ID, ContentFields.VERSION, FeedPositions.AWAITING))), Map.class)
				.hits()
				.hits()
				.stream()
				.map(hit -> (Map<String, Object>) hit.source())
				.collect(Collectors.toList());
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not list scheduled items", ex);
		}
	}

	private static int version(Map<String, Object> fields) {
		return fields.get(ContentFields.VERSION) instanceof Number number ? number.intValue() : 0;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? (List<String>) list : List.of();
	}
}
