package org.mufu.hub.content;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change is logged before its record is written. These tests leave storage as a hub that stopped between the
 * two would (the version claimed, the entry in the log, the record not yet written) and check that the indexer
 * finishes the record, so storage and the index agree.
 */
class CrashRecoveryIT extends IntegrationTest {

	private static final Caller UPLOADER = new Caller("pingjiang", Role.UPLOADER);

	@Autowired
	ContentService contents;

	@Autowired
	Records records;

	@Autowired
	ChangeLog log;

	@Autowired
	LogIndexer indexer;

	@Autowired
	ContentIndex index;

	@Autowired
	org.mufu.hub.storage.ObjectStorage storage;

	@Test
	void anAssetStoredButNeverLoggedIsLoggedWhenItsBytesComeAgain() throws Exception {
		byte[] photo = TestPhotos.jpeg(TestPhotos.Photo.captioned("停电前上传的照片"));
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
		// as a hub that stopped after storing an upload and before logging it leaves storage
		String id = Ids.next();
		this.storage.putBytes(Records.original(id), photo, "image/jpeg");
		assertThat(this.records.createText(Records.dedupe("pingjiang", sha256), id)).isTrue();
		this.records.write(Records.assetRecord(id), Asset.builder().id(id).owner("pingjiang").filename("photo.jpg")
			.contentType("image/jpeg").byteSize(photo.length).sha256(sha256).kind(MediaKind.IMAGE)
			.createdAt(java.time.Instant.now()).createdBy("pingjiang:UPLOADER").build());
		assertThat(this.index.hasAsset(id)).isFalse();

		UploadResult again = uploadAs("pingjiang", "photo-again.jpg", photo);

		assertThat(again.asset().id()).isEqualTo(id);
		assertThat(again.duplicate()).isTrue();
		assertThat(this.indexer.awaitApplied(this.log.head(), java.time.Duration.ofSeconds(10))).isTrue();
		assertThat(this.index.hasAsset(id)).isTrue();
	}

	@Test
	void aChangeLoggedButNotStoredIsStoredByTheIndexer() {
		ContentItem item = create("停电前的标题");
		ContentItem changed = item.edit(item.toBuilder().title("停电后补上的标题").build(), "pingjiang:UPLOADER");
		assertThat(this.records.create(Records.version(item.id(), changed.version()), changed)).isTrue();

		applied(Change.of(ChangeType.CONTENT_CHANGED, item.id(), changed.version(), "pingjiang:UPLOADER"));

		ContentItem stored = this.records.read(Records.contentRecord(item.id()), ContentItem.class).orElseThrow();
		assertThat(stored.version()).isEqualTo(2);
		assertThat(stored.title()).isEqualTo("停电后补上的标题");
		assertThat(this.index.indexedVersion(item.id())).contains(2);
	}

	@Test
	void aCreateLoggedButNotStoredIsStoredByTheIndexer() {
		Instant now = Instant.now();
		ContentItem item = ContentItem.builder()
			.id(Ids.next())
			.kind(ContentKind.ARTICLE)
			.owner("pingjiang")
			.status(ContentStatus.DRAFT)
			.title("只记进日志的新稿")
			.body("<p>正文</p>")
			.visibility(Visibility.COUNTY)
			.language("zh-CN")
			.version(1)
			.createdAt(now)
			.updatedAt(now)
			.createdBy("pingjiang:UPLOADER")
			.updatedBy("pingjiang:UPLOADER")
			.build();
		assertThat(this.records.create(Records.version(item.id(), 1), item)).isTrue();

		applied(Change.of(ChangeType.CONTENT_CREATED, item.id(), 1, "pingjiang:UPLOADER"));

		assertThat(this.records.read(Records.contentRecord(item.id()), ContentItem.class)).get()
			.extracting(ContentItem::title)
			.isEqualTo("只记进日志的新稿");
		assertThat(this.index.indexedVersion(item.id())).contains(1);
	}

	@Test
	void aDeletionLoggedButNotCarriedOutIsCarriedOutByTheIndexer() {
		ContentItem item = create("要删除的稿件");
		assertThat(this.records.create(Records.version(item.id(), 2),
				Map.of("deletedBy", "pingjiang:UPLOADER", "updatedAt", Instant.now()))).isTrue();

		applied(Change.of(ChangeType.CONTENT_DELETED, item.id(), 2, "pingjiang:UPLOADER"));

		assertThat(this.records.read(Records.contentRecord(item.id()), ContentItem.class)).isEmpty();
		assertThat(this.index.indexedVersion(item.id())).isEmpty();
		assertThat(this.contents.find(item.id())).isEmpty();
	}

	@Test
	void aDeletedItemIsNotBroughtBackByAnEarlierChangeAppliedAgain() {
		ContentItem item = create("删除后不复活");
		Caller editor = new Caller("pingjiang", Role.EDITOR);
		Callers.as(editor, () -> this.contents.delete(editor, item.id()));

		// the entry that created it, applied again (as after a checkpoint lost), finds the item gone
		applied(Change.of(ChangeType.CONTENT_CREATED, item.id(), 1, "pingjiang:UPLOADER"));

		assertThat(this.contents.find(item.id())).isEmpty();
		assertThat(this.index.indexedVersion(item.id())).isEmpty();
	}

	private void applied(Change change) {
		long seq = this.log.append(change);
		assertThat(this.indexer.awaitApplied(seq, Duration.ofSeconds(30))).isTrue();
	}

	private ContentItem create(String title) {
		return Callers.as(UPLOADER, () -> this.contents.create(UPLOADER,
				Drafts.article(title).body("<p>正文</p>").topics().county().input()));
	}
}
