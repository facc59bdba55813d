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
}
