package org.mufu.hub.changelog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The log and leases as several hubs see them: separate instances on one bucket, racing. */
class ChangeLogIT extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	ObjectMapper json;

	@Test
	void threeHubsAppendingAtOnceGetGapFreeNumbersEachChangeOnce() {
		List<ChangeLog> hubs = List.of(new ChangeLog(this.storage, this.json), new ChangeLog(this.storage, this.json),
				new ChangeLog(this.storage, this.json));
		long before = hubs.get(0).head();
		String run = UUID.randomUUID().toString();
		Set<Long> numbers = ConcurrentHashMap.newKeySet();
		List<CompletableFuture<Void>> writers = IntStream.range(0, 6)
			.mapToObj(w -> CompletableFuture.runAsync(() -> {
				ChangeLog log = hubs.get(w % hubs.size());
				for (int n = 0; n < 25; n++) {
					numbers.add(log.append(Change.of(ChangeType.CONTENT_CHANGED, "item" + w, n, "test", List.of(),
							run + ":" + w + ":" + n)));
				}
			}))
			.toList();
		writers.forEach(CompletableFuture::join);

		assertThat(numbers).hasSize(150);
		long after = hubs.get(1).head();
		List<Change> entries = new ArrayList<>();
		for (List<Change> page = hubs.get(2).readAfter(before, 1000); !page.isEmpty();
				page = hubs.get(2).readAfter(entries.get(entries.size() - 1).seq(), 1000)) {
			entries.addAll(page);
		}
		// gap-free: every number from before to the end was read, in order
		assertThat(entries.stream().map(Change::seq).toList())
			.isEqualTo(java.util.stream.LongStream.rangeClosed(before + 1, after).boxed().toList());
		List<String> ours = entries.stream()
			.map(Change::note)
			.filter(note -> note != null && note.startsWith(run))
			.toList();
		assertThat(ours).hasSize(150).doesNotHaveDuplicates();
	}

	@Test
	void ofHubsTakingOneLeaseAtOnceExactlyOneHoldsIt() {
		String lease = "test-" + UUID.randomUUID();
		List<Leases> hubs = IntStream.range(0, 6).mapToObj(n -> new Leases(this.storage, this.json)).toList();
		List<CompletableFuture<Boolean>> takes = hubs.stream()
			.map(hub -> CompletableFuture.supplyAsync(() -> hub.hold(lease, Duration.ofSeconds(30))))
			.toList();
		List<Leases> holders = IntStream.range(0, hubs.size())
			.filter(n -> takes.get(n).join())
			.mapToObj(hubs::get)
			.toList();

		assertThat(holders).hasSize(1);
		assertThat(holders.get(0).hold(lease, Duration.ofSeconds(30))).isTrue();
		assertThat(hubs.stream().filter(hub -> hub != holders.get(0)).map(hub -> hub.hold(lease, Duration.ofSeconds(30)))
			.collect(Collectors.toSet())).containsExactly(false);
		holders.get(0).release(lease);
		assertThat(hubs.stream().filter(hub -> hub != holders.get(0)).filter(hub -> hub.hold(lease, Duration.ofSeconds(30))))
			.hasSize(1);
	}

	/*
	 * Folding, on a log of its own: two hubs write, a third folds; every hub reads the same entries afterwards,
	 * and numbers go on after the folded ones, also for a hub that learned the end before the fold.
	 */
	@Test
	void foldedEntriesReadAsBeforeAndNumbersGoOnAfterThem() {
		String prefix = "test-log-" + UUID.randomUUID() + "/";
		ChangeLog writer = new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO);
		// what this hub learns of the end is trusted for a millisecond only: by the time it asks again, it is stale
		ChangeLog early = new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ofMillis(1));
		ChangeLog reader = new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO);
		early.append(change("early"));
		for (int n = 2; n <= 25; n++) {
			writer.append(change("entry " + n));
		}
		List<Change> before = reader.readAfter(0, 100);
		assertThat(reader.head()).isEqualTo(25);

		int folded = new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO).compact(10);

		assertThat(folded).isEqualTo(20);
		assertThat(this.storage.list(prefix + "segments/")).hasSize(2);
		assertThat(LongStream.rangeClosed(1, 25).filter(seq -> this.storage.exists(writer.key(seq))))
			.containsExactly(21L, 22L, 23L, 24L, 25L);
		assertThat(reader.readAfter(0, 100)).isEqualTo(before);
		assertThat(new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO).readAfter(0, 100)).isEqualTo(before);
		assertThat(reader.readAfter(8, 5)).extracting(Change::seq).containsExactly(9L, 10L, 11L, 12L, 13L);
		assertThat(reader.readAfter(18, 5)).extracting(Change::seq).containsExactly(19L, 20L, 21L, 22L, 23L);
		assertThat(reader.read(7)).contains(before.get(6));
		assertThat(new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO).head()).isEqualTo(25);
		// the early hub last saw entry 1, now folded: it must neither take that for the end nor take number 2 again
		assertThat(early.head()).isEqualTo(25);
		assertThat(early.append(change("late"))).isEqualTo(26);
		assertThat(writer.append(change("later"))).isEqualTo(27);
		assertThat(reader.readAfter(25, 10)).extracting(Change::note).containsExactly("late", "later");
	}

	@Test
	void aFoldCutShortIsFinishedAndYoungEntriesStaySingle() {
		String prefix = "test-log-" + UUID.randomUUID() + "/";
		ChangeLog log = new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO);
		for (int n = 1; n <= 12; n++) {
			log.append(change("entry " + n));
		}
		List<Change> written = log.readAfter(0, 100);
		ChangeLog patient = new ChangeLog(this.storage, this.json, prefix, Duration.ofHours(1), Duration.ZERO);
		assertThat(patient.compact(5)).isZero();
		assertThat(log.compact(5)).isEqualTo(10);
		// as if the fold had stopped after writing its second segment: its entries are there again
		for (long seq = 6; seq <= 10; seq++) {
			this.storage.putBytes(log.key(seq), this.json.valueToTree(written.get((int) seq - 1)).toString()
				.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
		}

		assertThat(log.compact(5)).isZero();
		assertThat(LongStream.rangeClosed(1, 12).filter(seq -> this.storage.exists(log.key(seq))))
			.containsExactly(11L, 12L);
		assertThat(new ChangeLog(this.storage, this.json, prefix, Duration.ZERO, Duration.ZERO).readAfter(0, 100)).isEqualTo(written);
	}

	private static Change change(String note) {
		return Change.of(ChangeType.CONTENT_CHANGED, "item", 1, "test", List.of(), note);
	}
}
