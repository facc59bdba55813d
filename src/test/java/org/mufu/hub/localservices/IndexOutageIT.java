package org.mufu.hub.localservices;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.SearchCluster;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch killed in the middle of writing: every write is still acknowledged, retries with the same
 * idempotency key make nothing twice, the hub starts the server again, and the index catches up by itself.
 */
class IndexOutageIT extends IntegrationTest {

	@Autowired
	ContentService contents;

	@Autowired
	ContentIndex index;

	@Autowired
	SearchCluster cluster;

	@Autowired
	org.mufu.hub.index.LogIndexer indexer;

	@Autowired
	org.mufu.hub.storage.ObjectStorage storage;

	@Test
	void writesMadeWhileElasticsearchIsDownAreIndexedOnceItIsBack() {
		Caller uploader = new Caller("pingjiang", Role.UPLOADER);
		List<ContentItem> acknowledged = new ArrayList<>();
		for (int n = 0; n < 10; n++) {
			acknowledged.add(create(uploader, "停机前 " + n, UUID.randomUUID().toString()));
		}
		long pid = LocalServices.elasticsearchPid(Path.of(DATA_DIR).toAbsolutePath().normalize());
		assertThat(pid).isPositive();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());

		ContentItem first = create(uploader, "停机中", UUID.randomUUID().toString());
		// acknowledged, though the index cannot have it: Elasticsearch is still starting again
		assertThat(this.contents.searchable(first)).isFalse();
		// every hub can tell: the hub following the log says so in storage, and health is DOWN
		assertThat(this.indexer.failingSince()).isPresent();
		assertThat(this.storage.exists("index/failing.txt")).isTrue();
		acknowledged.add(first);
		for (int n = 0; n < 20; n++) {
			String key = UUID.randomUUID().toString();
			ContentItem made = create(uploader, "停机中 " + n, key);
			// a client that lost the answer tries again with the same key
			assertThat(create(uploader, "停机中 " + n, key).id()).isEqualTo(made.id());
			acknowledged.add(made);
		}

		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		List<ContentItem> missing = acknowledged;
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			missing = missing.stream().filter(item -> !this.contents.searchable(item)).toList();
		}
		assertThat(missing).isEmpty();
		assertThat(this.cluster.status().up()).isTrue();
		// the hub following the log says it follows again once Elasticsearch answers it, just after it has caught up
		for (Instant until = Instant.now().plusSeconds(30); this.indexer.failingSince().isPresent()
				&& Instant.now().isBefore(until);) {
			java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
		}
		assertThat(this.indexer.failingSince()).isEmpty();
		assertThat(this.storage.exists("index/failing.txt")).isFalse();
		assertThat(LocalServices.elasticsearchPid(Path.of(DATA_DIR).toAbsolutePath().normalize())).isNotEqualTo(pid);
	}

	private ContentItem create(Caller uploader, String title, String key) {
		return Callers.as(uploader, () -> this.contents.create(uploader,
				Drafts.article(title).body("<p>" + title + "</p>").county().input(), key));
	}
}
