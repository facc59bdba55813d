package org.mufu.hub.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.Errors;
import org.mufu.hub.HubException;
import org.mufu.hub.KeyedException;
import org.mufu.hub.PlainText;
import org.mufu.hub.Workers;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.OrganizationDirectory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Brings a member's back catalogue into the hub: items exported from an older system are checked, stored in
 * packs (one storage object per {@value Packs#SIZE} items rather than one each), then indexed in bulk. Nothing is
 * stored unless every item is acceptable.
 */
@Service
public class ArchiveImport {

	private static final Log logger = LogFactory.getLog(ArchiveImport.class);

	/** How long an import waits for the index to take its items: about two minutes a million. */
	private static final java.time.Duration INDEX_WAIT = java.time.Duration.ofMinutes(10);

	private final ContentService contents;

	private final Packs packs;

	private final ContentIndex index;

	private final ChangeLog log;

	private final LogIndexer indexer;

	private final OrganizationDirectory members;

	private final ObjectMapper json;

	private final ExecutorService writers = Workers.pool("import-writer", 2);

	ArchiveImport(ContentService contents, Packs packs, ContentIndex index, OrganizationDirectory members,
			ObjectMapper json, ChangeLog log, LogIndexer indexer) {
		this.log = log;
		this.indexer = indexer;
		this.json = json;
		this.contents = contents;
		this.packs = packs;
		this.index = index;
		this.members = members;
	}

	/** The items of a file with one exported item record (JSON) per line, stored and indexed as {@link #load}. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<ContentItem> load(Caller caller, Path ndjson) {
		List<ContentItem> items = new ArrayList<>();
		try (BufferedReader lines = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
			int number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (!line.isBlank()) {
					items.add(parse(line, number));
				}
			}
		}
		catch (IOException ex) {
			throw HubException.badRequest("import.file-unreadable", String.valueOf(ndjson),
					String.valueOf(ex.getMessage()));
		}
		return load(caller, items);
	}

	/** Stores and indexes the items as imported (their ids are the hub's own); returns them as stored. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<ContentItem> load(Caller caller, List<ContentItem> exported) {
		String by = caller.by();
		Instant now = Instant.now();
		List<String> packIds = Stream.generate(Ids::next).limit((exported.size() + Packs.SIZE - 1) / Packs.SIZE).toList();
		List<ContentItem> stored = IntStream.range(0, exported.size())
			.parallel()
			.mapToObj(i -> checked(caller, exported.get(i), Ids.inPack(packIds.get(i / Packs.SIZE), i % Packs.SIZE),
					i + 1, by, now))
			.toList();
		storeAndIndex(caller, packIds, stored);
		return stored;
	}

	/*
	 * Packs are written two at a time, and each is logged as soon as it and those before it are stored, in the
	 * import's order (which is the feed's order), so the index takes one pack while storage takes the next
	 * (logging them only once all were stored left Elasticsearch idle for a third of a load). If storage fails,
	 * the packs written are removed again and each one already logged is withdrawn by an entry, so nothing of the
	 * import is left, in storage or in the index. Then the import waits for the index to follow: when it is down,
	 * the items stay stored and logged, and the index catches up when it returns.
	 */
	private void storeAndIndex(Caller caller, List<String> packIds, List<ContentItem> stored) {
		String by = caller.by();
		List<java.util.concurrent.Future<?>> writes = IntStream.range(0, packIds.size())
			.<java.util.concurrent.Future<?>>mapToObj(p -> this.writers
				.submit(() -> this.packs.write(packIds.get(p), slice(stored, p * Packs.SIZE, Packs.SIZE))))
			.toList();
		Map<String, Integer> logged = new java.util.LinkedHashMap<>();
		long last = 0;
		try {
			for (int p = 0; p < packIds.size(); p++) {
				Workers.await(writes.get(p));
				int items = Math.min(Packs.SIZE, stored.size() - p * Packs.SIZE);
				last = this.log.append(Change.of(ChangeType.PACK_IMPORTED, packIds.get(p), 1, by, List.of(),
						items + " items imported"));
				logged.put(packIds.get(p), items);
			}
		}
		catch (RuntimeException storageFailure) {
			writes.forEach(write -> write.cancel(false));
			writes.forEach(ArchiveImport::awaitQuietly);
			takeBack(packIds, logged, by);
			throw storageFailure;
		}
		if (!this.indexer.awaitApplied(last, INDEX_WAIT)) {
			logger.warn("The " + stored.size() + " imported items are stored; they become searchable when the index "
					+ "catches up with change " + last);
		}
	}

	private static void awaitQuietly(java.util.concurrent.Future<?> write) {
		try {
			Workers.await(write);
		}
		catch (RuntimeException ex) {
			// its failure is the import's, already being answered
		}
	}

	private void takeBack(List<String> packIds, Map<String, Integer> logged, String by) {
		try {
			packIds.forEach(this.packs::delete);
			logged.forEach((packId, items) -> this.log.append(Change.of(ChangeType.PACK_WITHDRAWN, packId, items, by,
					List.of(), items + " items withdrawn: their import could not be stored")));
		}
		catch (RuntimeException ex) {
			logger.warn("Packs of an import that could not be stored remain; an administrator's reindex removes "
					+ "them from the index once they are deleted", ex);
		}
	}

	private static <T> List<T> slice(List<T> list, int start, int size) {
		return list.subList(start, Math.min(list.size(), start + size));
	}

	@PreDestroy
	void stop() {
		this.writers.shutdownNow();
	}

	/** The index documents of stored items as an import loads them (the benchmark's baseline loads the same). */
	public List<IndexedDocument> documents(List<ContentItem> stored) {
		return this.index.asLoaded(stored.parallelStream().map(this.contents::document).toList());
	}

	private ContentItem parse(String line, int number) {
		try {
			return this.json.readValue(line, ContentItem.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw HubException.badRequest("import.line-not-an-item", number, ex.getOriginalMessage());
		}
	}

	private ContentItem checked(Caller caller, ContentItem item, String id, int line, String by, Instant now) {
		try {
			if (item.kind() == null) {
				throw HubException.badRequest("content.kind-missing");
			}
			if (item.owner() == null || !this.members.isMember(item.owner())) {
				throw HubException.badRequest("import.owner-not-member", String.valueOf(item.owner()));
			}
			ContentItem imported = imported(item, id, by, now);
			this.contents.validate(caller, imported);
			return imported;
		}
		catch (KeyedException ex) {
			throw new HubException(Errors.kindOf(ex), ex, "import.item-refused", line, ex);
		}
	}

	/* The exported record as this hub keeps it: its text made plain, its defaults filled, its import in history. */
	private static ContentItem imported(ContentItem item, String id, String by, Instant now) {
		ContentStatus status = item.status() != null ? item.status() : ContentStatus.DRAFT;
		Instant created = item.createdAt() != null ? item.createdAt() : now;
		boolean published = status == ContentStatus.PUBLISHED;
		List<ContentItem.Transition> history = new ArrayList<>(item.history());
		history.add(new ContentItem.Transition(now, by, null, status, "imported from an earlier archive"));
		return item.toBuilder()
			.id(id)
			.status(status)
			.title(PlainText.line(item.title()))
			.summary(PlainText.text(item.summary()))
			.author(PlainText.line(item.author()))
			.placeName(PlainText.line(item.placeName()))
			.body(ArticleHtml.sanitize(item.body()))
			.inlineAssetIds(ContentItem.listOrEmpty(item.inlineAssetIds()))
			.assetIds(ContentItem.listOrEmpty(item.assetIds()))
			.tags(ContentService.clean(item.tags()))
			.topics(ContentService.clean(item.topics()))
			.credits(ContentService.clean(item.credits()))
			.visibility(item.visibility() != null ? item.visibility() : Visibility.COUNTY)
			.language(item.language() != null ? item.language() : "zh-CN")
			.version(1)
			.createdAt(created)
			.updatedAt(item.updatedAt() != null ? item.updatedAt() : created)
			.createdBy(item.createdBy() != null ? item.createdBy() : by)
			.updatedBy(by)
			.publishAt(published && item.publishAt() == null ? created : item.publishAt())
			.publishedAt(published && item.publishedAt() == null ? created : item.publishedAt())
			.history(history)
			.pending(null)
			.build();
	}
}
