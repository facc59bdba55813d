package org.mufu.hub.search;

import java.util.List;
import java.util.Set;

/** The measures of a ranked answer against the labelled relevant ones: reciprocal rank and nDCG@10. */
final class Ranking {

	private Ranking() {
	}

	/** 1 / the rank of the first relevant answer; 0 when none is ranked. */
	static double reciprocalRank(List<String> ranked, Set<String> relevant) {
		for (int i = 0; i < ranked.size(); i++) {
			if (relevant.contains(ranked.get(i))) {
				return 1.0 / (i + 1);
			}
		}
		return 0;
	}

	/** Discounted gain of the first ten answers over the best possible, with binary relevance. */
	static double ndcg(List<String> ranked, Set<String> relevant) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranked.size()); i++) {
			dcg += relevant.contains(ranked.get(i)) ? 1 / log2(i + 2) : 0;
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(10, relevant.size()); i++) {
			ideal += 1 / log2(i + 2);
		}
		return dcg / ideal;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}
}
