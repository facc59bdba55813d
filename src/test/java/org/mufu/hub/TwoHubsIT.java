package org.mufu.hub;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mufu.hub.content.UploadResult;
import org.mufu.hub.content.Uploads;
import org.mufu.hub.content.ContentInput;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.content.Visibility;
import org.mufu.hub.feed.FeedConnection;
import org.mufu.hub.feed.FeedService;
import org.mufu.hub.feed.PublishResult;
import org.mufu.hub.feed.PublishingService;
import org.mufu.hub.index.ContentFilter;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hubs, as two application contexts, on one bucket and one set of indices (a fresh pair of this class's own),
 * started at the same moment: they behave as one hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoHubsIT {

	private static final List<String> MEMBERS = List.of("tongcheng", "pingjiang", "liuyang", "xiushui");

	private final String run = "two-hubs-" + UUID.randomUUID().toString().substring(0, 8);

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	/*
	 * The second starts as soon as the first has set up logging (Spring Boot's logging set-up is not made for two
	 * applications at once), seconds before either makes its bucket, indices or demo archive.
	 */
	@BeforeAll
	void startBothAtOnce() throws InterruptedException {
		CountDownLatch prepared = new CountDownLatch(1);
		CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> hub(prepared));
		prepared.await(2, java.util.concurrent.TimeUnit.MINUTES);
		CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> hub(null));
		this.first = a.join();
		this.second = b.join();
	}

	@AfterAll
	void stop() {
		if (this.second != null) {
			this.second.close();
		}
		if (this.first != null) {
			this.first.close();
		}
	}

	@Test
	@Order(1)
	void theDemoArchiveIsLoadedOnce() {
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		List<ContentItem> listed = Callers.as(editor, () -> this.first.getBean(ContentService.class)
			.list(editor, new ContentFilter(null, null, null, null, null), 100));
		assertThat(listed).hasSize(13);
		assertThat(listed.stream().map(ContentItem::title).distinct()).hasSize(13);
	}

	@Test
	void fourPublishersAndFourReadersOnTwoHubsDeliverEveryItemOnceInOrder() throws Exception {
		String topic = "two-hubs-" + UUID.randomUUID();
		int items = 200;
		Map<String, Visibility> published = new ConcurrentHashMap<>();
		Map<String, String> owners = new ConcurrentHashMap<>();
		AtomicInteger made = new AtomicInteger();
		CountDownLatch publishersDone = new CountDownLatch(4);
		List<CompletableFuture<Void>> publishers = IntStream.range(0, 4).mapToObj(p -> CompletableFuture.runAsync(() -> {
			try {
				ConfigurableApplicationContext hub = p % 2 == 0 ? this.first : this.second;
				for (int n = made.getAndIncrement(); n < items; n = made.getAndIncrement()) {
					String owner = MEMBERS.get(n % MEMBERS.size());
					Visibility visibility = n % 3 == 0 ? Visibility.COUNTY : Visibility.ALLIANCE;
					String id = publishedArticle(hub, owner, "两地同发 " + n, topic, visibility);
					owners.put(id, owner);
					published.put(id, visibility);
				}
			}
			finally {
				publishersDone.countDown();
			}
		})).toList();
		List<CompletableFuture<List<String>>> readers = IntStream.range(0, 4)
			.mapToObj(r -> CompletableFuture.supplyAsync(() -> read(r % 2 == 0 ? this.first : this.second,
					MEMBERS.get(r), topic, publishersDone, published, owners)))
			.toList();
		CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new)).join();
		for (int r = 0; r < readers.size(); r++) {
			String reader = MEMBERS.get(r);
			List<String> delivered = readers.get(r).join();
			Set<String> entitled = new HashSet<>();
			published.forEach((id, visibility) -> {
				if (visibility == Visibility.ALLIANCE || owners.get(id).equals(reader)) {
					entitled.add(id);
				}
			});
			assertThat(delivered).doesNotHaveDuplicates();
			assertThat(new HashSet<>(delivered)).isEqualTo(entitled);
		}
		assertThat(published).hasSize(items);
	}

	@Test
	void eightUpdatesFromOneVersionOnTwoHubsHaveOneWinner() {
		Caller uploader = new Caller("pingjiang", Role.UPLOADER);
		ContentItem item = Callers.as(uploader, () -> this.first.getBean(ContentService.class)
			.create(uploader, article("并发修改", "two-hubs", Visibility.ALLIANCE)));
		List<CompletableFuture<Boolean>> updates = IntStream.range(0, 8).mapToObj(n -> CompletableFuture.supplyAsync(() -> {
			ContentService contents = (n % 2 == 0 ? this.first : this.second).getBean(ContentService.class);
			try {
				Callers.as(uploader, () -> contents.update(uploader, item.id(),
						Drafts.edit().title("修改 " + n).input(), item.version()));
				return true;
			}
			catch (HubException ex) {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONFLICT);
				return false;
			}
		})).toList();
		long winners = updates.stream().map(CompletableFuture::join).filter(won -> won).count();
		assertThat(winners).isEqualTo(1);
		ContentItem stored = Callers.as(uploader,
				() -> this.second.getBean(ContentService.class).read(uploader, item.id()));
		assertThat(stored.version()).isEqualTo(item.version() + 1);
	}

	@Test
	void eightUploadsOfTheSameBytesOnTwoHubsMakeOneAsset() {
		byte[] bytes = IntegrationTest.uniqueJpeg("photos/huangpao-azaleas.jpg");
		Caller uploader = new Caller("liuyang", Role.UPLOADER);
		List<CompletableFuture<UploadResult>> uploads = IntStream.range(0, 8)
			.mapToObj(n -> CompletableFuture.supplyAsync(() -> {
				Uploads assets = (n % 2 == 0 ? this.first : this.second).getBean(Uploads.class);
				return Callers.as(uploader,
						() -> assets.upload(uploader, "azaleas.jpg", new ByteArrayInputStream(bytes)));
			}))
			.toList();
		List<UploadResult> answers = uploads.stream().map(CompletableFuture::join).toList();
		assertThat(answers.stream().map(answer -> answer.asset().id()).distinct()).hasSize(1);
		assertThat(answers.stream().filter(answer -> !answer.duplicate())).hasSize(1);
	}

	@Test
	void createRetriedWithItsIdempotencyKeyOnTheOtherHubMakesOneItem() {
		Caller uploader = new Caller("xiushui", Role.UPLOADER);
		String key = UUID.randomUUID().toString();
		ContentInput input = article("重试不重复", "two-hubs", Visibility.COUNTY);
		List<CompletableFuture<ContentItem>> tries = IntStream.range(0, 4)
			.mapToObj(n -> CompletableFuture.supplyAsync(() -> {
				ContentService contents = (n % 2 == 0 ? this.first : this.second).getBean(ContentService.class);
				return Callers.as(uploader, () -> contents.create(uploader, input, key));
			}))
			.toList();
		assertThat(tries.stream().map(CompletableFuture::join).map(ContentItem::id).distinct()).hasSize(1);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void aHubStoppedWhilePublishingLeavesStorageAndIndexInAgreement() {
		String topic = "two-hubs-stop-" + UUID.randomUUID();
		Caller uploader = new Caller("tongcheng", Role.UPLOADER);
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		ContentService contents = this.second.getBean(ContentService.class);
		PublishingService publishing = this.second.getBean(PublishingService.class);
		List<String> ids = IntStream.range(0, 40).mapToObj(n -> Callers.as(uploader, () -> {
			String id = contents.create(uploader, article("停机发布 " + n, topic, Visibility.ALLIANCE)).id();
			publishing.submitForReview(uploader, id, null);
			return id;
		})).toList();
		AtomicInteger published = new AtomicInteger();
		CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
			for (String id : ids) {
				try {
					Callers.as(editor, () -> publishing.publish(editor, id, List.of("WEBSITE"), null, null));
					published.incrementAndGet();
				}
				catch (RuntimeException stopped) {
					return;
				}
			}
		});
		while (published.get() < 10 && !publisher.isDone()) {
			Thread.onSpinWait();
		}
		this.second.close();
		publisher.handle((done, failure) -> null).join();
		this.second = null;

		org.mufu.hub.changelog.ChangeLog log = this.first.getBean(org.mufu.hub.changelog.ChangeLog.class);
		assertThat(this.first.getBean(org.mufu.hub.index.LogIndexer.class).awaitApplied(log.head(), Duration.ofSeconds(60)))
			.isTrue();
		ContentService survivor = this.first.getBean(ContentService.class);
		org.mufu.hub.index.ContentIndex index = this.first.getBean(org.mufu.hub.index.ContentIndex.class);
		List<String> live = new ArrayList<>();
		for (String id : ids) {
			ContentItem stored = survivor.find(id).orElseThrow();
			assertThat(index.indexedVersion(id)).contains(stored.version());
			if (stored.status() == org.mufu.hub.content.ContentStatus.PUBLISHED) {
				live.add(id);
			}
		}
		assertThat(live).hasSizeGreaterThanOrEqualTo(10);
		FeedService feed = this.first.getBean(FeedService.class);
		List<String> delivered = Callers.as(editor, () -> feed.feed(editor, "WEBSITE", 100, null, null, List.of(topic)))
			.edges()
			.stream()
			.map(edge -> edge.node().id())
			.toList();
		assertThat(delivered).containsExactlyInAnyOrderElementsOf(live);
	}

	/* A channel app of one member paging with a kept cursor until the publishers are done and it has caught up. */
	private List<String> read(ConfigurableApplicationContext hub, String member, String topic, CountDownLatch done,
			Map<String, Visibility> published, Map<String, String> owners) {
		FeedService feed = hub.getBean(FeedService.class);
		Caller app = new Caller(member, Role.CHANNEL);
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		String cursor = null;
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			boolean finished = done.getCount() == 0;
			String after = cursor;
			FeedConnection page = Callers.as(app, () -> feed.feed(app, "WEBSITE", 20, after, null, List.of(topic)));
			page.edges().forEach(edge -> delivered.add(edge.node().id()));
			cursor = page.endCursor();
			if (finished && !page.hasNextPage() && delivered.size() >= entitledCount(member, published, owners)) {
				break;
			}
		}
		return delivered;
	}

	private static long entitledCount(String member, Map<String, Visibility> published, Map<String, String> owners) {
		return published.entrySet()
			.stream()
			.filter(entry -> entry.getValue() == Visibility.ALLIANCE || owners.get(entry.getKey()).equals(member))
			.count();
	}

	private static String publishedArticle(ConfigurableApplicationContext hub, String owner, String title,
			String topic, Visibility visibility) {
		Caller uploader = new Caller(owner, Role.UPLOADER);
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		ContentService contents = hub.getBean(ContentService.class);
		PublishingService publishing = hub.getBean(PublishingService.class);
		String id = Callers.as(uploader, () -> contents.create(uploader, article(title, topic, visibility))).id();
		Callers.as(uploader, () -> publishing.submitForReview(uploader, id, null));
		Object outcome = Callers.as(editor, () -> publishing.publish(editor, id, List.of("WEBSITE"), null, null));
		assertThat(outcome).isInstanceOf(PublishResult.Published.class);
		return id;
	}

	private static ContentInput article(String title, String topic, Visibility visibility) {
		return Drafts.article(title).summary("摘要").body("<p>" + title + "</p>").topics(topic).visibility(visibility)
			.author("李明").input();
	}

	private ConfigurableApplicationContext hub(CountDownLatch prepared) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("hub.data-dir", IntegrationTest.DATA_DIR);
		properties.put("hub.local.elasticsearch.port", "0");
		properties.put("hub.local.s3.port", "0");
		properties.put("hub.storage.bucket", this.run);
		properties.put("hub.index.prefix", this.run + "-");
		properties.put("hub.security.log-demo-tokens", "false");
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("hub.channels.[WEBSITE].label", "County website");
		properties.put("hub.channels.[WEBSITE].kinds", "ARTICLE,PROMO");
		// as arguments, so they win over application.yml as a test's properties do
		SpringApplicationBuilder builder = new SpringApplicationBuilder(MufuHubApplication.class);
		if (prepared != null) {
			builder.listeners(new LoggingReady(prepared));
		}
		return builder.run(properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	/** Runs after Spring Boot's own listener of the same event, which sets up logging. */
	private record LoggingReady(CountDownLatch latch)
			implements org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent> {

		@Override
		public void onApplicationEvent(org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent event) {
			this.latch.countDown();
		}
	}
}
