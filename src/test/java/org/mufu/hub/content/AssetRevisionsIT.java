package org.mufu.hub.content;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.content.TestPhotos.Photo;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes to one asset at the same moment: each is kept, once, in the record, the log and the index. */
class AssetRevisionsIT extends IntegrationTest {

	private static final Caller STAFF = new Caller("xiushui", Role.UPLOADER);

	@Autowired
	Uploads uploads;

	@Autowired
	AssetEdits edits;

	@Autowired
	AssetService assets;

	@Autowired
	Records records;

	@Autowired
	ObjectStorage storage;

	@Autowired
	ChangeLog log;

	@Autowired
	StoredRecords stored;

	@Test
	void eightEditorsAddingKeywordsAtOnceKeepAllEight() {
		String id = upload("雨后的修河");
		long before = this.log.head();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<AssetEdits.Outcome>> editors = IntStream.range(0, 8)
			.mapToObj(n -> CompletableFuture.supplyAsync(() -> Callers.as(STAFF, () -> {
				awaitQuietly(start);
				return this.edits.update(STAFF, List.of(id),
						new AssetEdits.Changes(List.of("关键词" + n), null, null, null, null)).get(0);
			})))
			.toList();
		start.countDown();

		assertThat(editors.stream().map(CompletableFuture::join).map(AssetEdits.Outcome::refused)).containsOnlyNulls();
		Asset asset = this.assets.find(id).orElseThrow();
		assertThat(asset.keywords()).contains(IntStream.range(0, 8).mapToObj(n -> "关键词" + n).toArray(String[]::new));
		assertThat(asset.revision()).isEqualTo(8);
		List<Change> logged = this.log.readAfter(before, 1000).stream()
			.filter(change -> change.subject().equals(id))
			.toList();
		assertThat(logged).extracting(Change::type).containsOnly(ChangeType.ASSET_CHANGED).hasSize(8);
		assertThat(logged).extracting(Change::version).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
	}

	@Test
	void aRevisionWhoseHubStoppedBeforeTheRecordIsFinishedByTheIndexer() {
		String id = upload("修河上的渡船");
		Asset asset = this.assets.find(id).orElseThrow();
		// a hub claimed revision 1 and stopped before it wrote the record
		Asset moved = asset.withFocalPoint(0.2, 0.3).toBuilder().revision(1).build();
		assertThat(this.records.create(Records.assetRevision(id, 1), moved)).isTrue();

		// the indexer, applying the entry of revision 1, reads the asset as that revision left it
		assertThat(this.stored.asset(id, 1).orElseThrow().fields()).containsEntry("id", id);
		assertThat(this.assets.find(id).orElseThrow().revision()).isEqualTo(1);
		assertThat(this.assets.find(id).orElseThrow().focalX()).isEqualTo(0.2);

		// the next change builds on that revision
		Asset again = Callers.as(STAFF, () -> this.assets.setFocalPoint(STAFF, id, 0.6, 0.7));
		assertThat(again.revision()).isEqualTo(2);
	}

	@Test
	void anEditMadeWhileItsAssetIsDeletedIsRefusedAndLeavesNothing() throws Exception {
		String id = upload("修河边的老码头");
		Asset asset = this.assets.find(id).orElseThrow();
		CountDownLatch read = new CountDownLatch(1);
		CountDownLatch deleted = new CountDownLatch(1);
		// an edit that has read the asset, and is still making its change when the deletion runs
		CompletableFuture<Throwable> edit = CompletableFuture.supplyAsync(() -> org.assertj.core.api.Assertions
			.catchThrowable(() -> this.assets.revise(id, current -> {
				read.countDown();
				awaitQuietly(deleted);
				return current.withFocalPoint(0.1, 0.1);
			}, ChangeType.ASSET_FOCAL_POINT_MOVED, STAFF.by())));
		read.await();
		long before = this.log.head();
		Callers.as(STAFF, () -> {
			this.assets.delete(asset, STAFF.by());
			return null;
		});
		deleted.countDown();

		assertThat(edit.get()).isInstanceOf(org.mufu.hub.HubException.class);
		assertThat(this.log.readAfter(before, 100).stream().filter(change -> change.subject().equals(id)))
			.extracting(Change::type)
			.containsExactly(ChangeType.ASSET_DELETED);
		// nothing of the file, its record, what it said of itself or the edit is left
		assertThat(this.storage.list(Records.assetFolder(id))).isEmpty();
	}

	private static void awaitQuietly(CountDownLatch start) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String upload(String caption) {
		return Callers.as(STAFF, () -> this.uploads.upload(STAFF, "photo.jpg",
				new ByteArrayInputStream(TestPhotos.jpeg(Photo.captioned(caption))))).asset().id();
	}
}
