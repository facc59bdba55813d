package org.mufu.hub.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance measured, not assumed: labelled queries over the demo archive and over a generated corpus of a few
 * thousand items about the alliance's places and themes, each answered by the character-only baseline and by
 * the segmented setup. Reports MRR and nDCG@10 for both.
 */
class RelevanceIT extends IntegrationTest {

	/** Set from a real run (segmented: MRR 1.000, nDCG@10 0.822; characters: 1.000, 0.727), a little below. */
	private static final double MRR_FLOOR = 0.95;

	private static final double NDCG_FLOOR = 0.78;

	private static final List<String> THEMES = List.of("日出", "云海", "杜鹃", "徒步", "自驾", "美食", "古镇", "漂流",
			"星空", "红叶");

	private static final List<String> PLACES = List.of("幕阜山", "黄袍山", "石牛寨", "大围山", "七星岭", "连云山", "天岳山",
			"药姑山", "九岭山", "黄龙山", "东津湿地", "周洛", "浏阳河", "汨罗江", "修河", "隽水河", "麦市镇", "塘湖镇", "加义镇",
			"大围山镇", "文家市镇", "大瑶镇", "漫江乡", "杭口镇", "油茶小镇", "石牛寨镇");

	private static final List<String> SUFFIXES = List.of("正当时", "全攻略", "实拍", "最佳时节", "一日游", "打卡指南",
			"摄影笔记", "游客如织", "新玩法");

	@Autowired
	SearchService search;

	@Autowired
	ContentIndex index;

	@Autowired
	ContentService contents;

	@Test
	void segmentedSearchRanksBetterThanCharactersAlone() {
		// the demo archive is measured before the generated corpus joins it in the index
		Map<String, Set<String>> archive = archiveLabels();
		Map<ContentSearch.Mode, double[]> archiveScores = new LinkedHashMap<>();
		for (ContentSearch.Mode mode : ContentSearch.Mode.values()) {
			archiveScores.put(mode, measure(archive, null, mode));
		}
		String corpus = "corpus-" + UUID.randomUUID();
		Map<String, Set<String>> generated = generate(corpus, new Random(2025));

		Map<ContentSearch.Mode, double[]> scores = new LinkedHashMap<>();
		for (ContentSearch.Mode mode : ContentSearch.Mode.values()) {
			double[] generatedScores = measure(generated, corpus, mode);
			double[] archiveScore = archiveScores.get(mode);
			int n = generated.size() + archive.size();
			scores.put(mode, new double[] { (generatedScores[0] + archiveScore[0]) / n,
					(generatedScores[1] + archiveScore[1]) / n });
		}

		System.out.printf(Locale.ROOT, "relevance over %d labelled queries (%d generated over %d items, %d on the demo archive)%n",
				generated.size() + archive.size(), generated.size(), this.generatedItems,
				archive.size());
		scores.forEach((mode, s) -> System.out.printf(Locale.ROOT, "  %-10s MRR %.3f  nDCG@10 %.3f%n", mode, s[0], s[1]));
		this.index.deleteContents(this.generatedIds);
		double[] segmented = scores.get(ContentSearch.Mode.SEGMENTED);
		double[] characters = scores.get(ContentSearch.Mode.CHARACTERS);
		assertThat(generated.size() + archive.size()).isGreaterThanOrEqualTo(40);
		// both put a good answer first almost always (MRR saturates); words win on the whole first page
		assertThat(segmented[0]).isGreaterThanOrEqualTo(characters[0]).isGreaterThanOrEqualTo(MRR_FLOOR);
		assertThat(segmented[1]).isGreaterThan(characters[1] + 0.05).isGreaterThanOrEqualTo(NDCG_FLOOR);
	}

	/** Sums of reciprocal rank and nDCG@10 over the queries. */
	private double[] measure(Map<String, Set<String>> labels, String corpus, ContentSearch.Mode mode) {
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		double mrr = 0;
		double ndcg = 0;
		for (var query : labels.entrySet()) {
			SearchFilter filter = corpus == null ? null : new SearchFilter(null, null, null, List.of(corpus), null, null,
					null, null, null, null, null, null, null, null, null, null, null);
			List<String> ranked = Callers.as(editor, () -> this.search.search(editor, query.getKey(), filter, null, 10,
					null, mode)).hits().stream().map(SearchResult.Hit::id).toList();
			mrr += Ranking.reciprocalRank(ranked, query.getValue());
			ndcg += Ranking.ndcg(ranked, query.getValue());
		}
		return new double[] { mrr, ndcg };
	}

	/**
	 * Items about a place and a theme, written two ways as real stories are: the place in the title
	 * ("黄龙山日出实拍"), or only in the body under a title of the theme alone ("日出最佳时节" … 前往黄龙山). Places
	 * that share characters (黄龙山, 黄袍山; 大围山, 大围山镇) make the character-only search stumble.
	 */
	private Map<String, Set<String>> generate(String corpus, Random random) {
		Map<String, Set<String>> labels = new HashMap<>();
		List<IndexedDocument> documents = new ArrayList<>();
		int n = 0;
		for (String place : PLACES) {
			for (String theme : THEMES) {
				for (int i = 0; i < SUFFIXES.size(); i++) {
					String suffix = SUFFIXES.get(i);
					String other = PLACES.get(random.nextInt(PLACES.size()));
					boolean placeInTitle = i % 2 == 0;
					String title = placeInTitle ? place + theme + suffix : theme + suffix;
					String body = "<p>从" + other + "出发，前往" + place + "。" + place + "的" + theme + "最值得一看，"
							+ THEMES.get(random.nextInt(THEMES.size())) + "也不错。</p>";
					String id = String.format("corpus%06d%s", n++, corpus.substring(7, 13));
					documents.add(new IndexedDocument(id, new HashMap<>(Map.of("id", id, "title", title, "body", body,
							"tags", List.of(corpus), "owner", "xiushui", "visibility", "ALLIANCE", "status",
							"PUBLISHED", "kind", "ARTICLE"))));
					labels.computeIfAbsent(place + theme, key -> new java.util.HashSet<>()).add(id);
				}
			}
		}
		this.generatedItems = documents.size();
		this.generatedIds = documents.stream().map(IndexedDocument::id).toList();
		for (int i = 0; i < documents.size(); i += 500) {
			this.index.putContents(documents.subList(i, Math.min(documents.size(), i + 500)));
		}
		this.index.refreshContents();
		Map<String, Set<String>> chosen = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>(labels.keySet());
		java.util.Collections.shuffle(keys, random);
		keys.subList(0, 45).forEach(key -> chosen.put(key, labels.get(key)));
		return chosen;
	}

	private int generatedItems;

	private List<String> generatedIds = List.of();

	/** Queries over the demo archive and the titles a good answer returns. */
	private Map<String, Set<String>> archiveLabels() {
		Map<String, String> byTitle = new HashMap<>();
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		Callers.as(editor, () -> this.contents.list(editor, new org.mufu.hub.index.ContentFilter(null, null, null,
				null, null), 100)).forEach(item -> byTitle.putIfAbsent(item.title(), item.id()));
		Map<String, Set<String>> labels = new LinkedHashMap<>();
		labels.put("黄袍山杜鹃", Set.of(byTitle.get("黄袍山万亩杜鹃进入盛花期"), byTitle.get("黄袍山花海栈道")));
		labels.put("G106国道", Set.of(byTitle.get("沿G106国道自驾 串起湘鄂赣三县风光")));
		labels.put("2025花炮节", Set.of(byTitle.get("2025花炮节开幕 浏阳河上空焰火绽放九十分钟"), byTitle.get("2025花炮节海报")));
		labels.put("平江酱干", Set.of(byTitle.get("一块酱干的二十道工序：走进平江酱干作坊")));
		labels.put("宁红茶", Set.of(byTitle.get("宁红茶开采 修水茶农忙春耕")));
		labels.put("幕阜山云海", Set.of(byTitle.get("幕阜山主峰云海再现 清晨登顶正当时"), byTitle.get("幕阜山主峰竖屏云海")));
		labels.put("石牛寨玻璃桥", Set.of(byTitle.get("石牛寨玻璃桥宣传图")));
		return labels;
	}
}
