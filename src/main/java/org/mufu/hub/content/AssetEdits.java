package org.mufu.hub.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.Errors;
import org.mufu.hub.HubException;
import org.mufu.hub.KeyedException;
import org.mufu.hub.Messages;
import org.mufu.hub.PlainText;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The picture desk's edits of many assets at once: keywords added or taken away, one caption or credit for all,
 * made shareable with the alliance or not. Each asset is changed on its own (its record compared and swapped, one
 * log entry), and each gets its own answer: one asset of another member does not stop the rest.
 */
@Service
public class AssetEdits {

	/** How many assets one request may change. */
	static final int MAX_ASSETS = 200;

	private final AssetService assets;

	private final LogIndexer indexer;

	private final Duration searchableWait;

	AssetEdits(AssetService assets, LogIndexer indexer,
			@Value("${hub.index.searchable-wait:5s}") Duration searchableWait) {
		this.assets = assets;
		this.indexer = indexer;
		this.searchableWait = searchableWait;
	}

	/** What to change; a null part leaves that part as it is. */
	public record Changes(List<String> addKeywords, List<String> removeKeywords, String caption, String credit,
			Boolean shareable) {
	}

	/** One asset's answer: the asset as changed, or why it was not (a message put into words by the caller). */
	public record Outcome(String assetId, Asset asset, ErrorKind refused, MessageSourceResolvable message) {
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<Outcome> update(Caller caller, List<String> ids, Changes changes) {
		if (ids.isEmpty() || ids.size() > MAX_ASSETS) {
			throw HubException.badRequest("asset.batch-size", MAX_ASSETS);
		}
		List<Outcome> outcomes = new ArrayList<>();
		long last = 0;
		for (String id : new LinkedHashSet<>(ids)) {
			try {
				AssetService.Revised changed = change(caller, id, changes);
				last = Math.max(last, changed.seq());
				outcomes.add(new Outcome(id, changed.asset(), null, null));
			}
			catch (KeyedException ex) {
				outcomes.add(new Outcome(id, null, Errors.kindOf(ex), ex));
			}
			catch (RuntimeException ex) {
				// storage failing for one asset is that asset's answer; the others are still tried
				outcomes.add(new Outcome(id, null, ErrorKind.STORAGE_UNAVAILABLE,
						Messages.of("asset.storage-timeout", id)));
			}
		}
		if (last > 0) {
			this.indexer.awaitApplied(last, this.searchableWait);
		}
		return outcomes;
	}

	private AssetService.Revised change(Caller caller, String id, Changes changes) {
		if (!Ids.valid(id)) {
			throw HubException.notFound("asset.not-found", id);
		}
		return this.assets.revise(id, asset -> {
			if (!AccessPolicy.mayChange(caller, asset.owner())) {
				throw HubException.forbidden("asset.change-of-another-member", id, asset.owner());
			}
			return applied(asset, changes);
		}, ChangeType.ASSET_CHANGED, caller.by());
	}

	static Asset applied(Asset asset, Changes changes) {
		Set<String> keywords = new LinkedHashSet<>(asset.keywords());
		if (changes.addKeywords() != null) {
			changes.addKeywords().stream().map(PlainText::line).filter(k -> k != null && !k.isBlank())
				.forEach(keywords::add);
		}
		if (changes.removeKeywords() != null) {
			changes.removeKeywords().stream().map(PlainText::line).forEach(keywords::remove);
		}
		Asset.Builder builder = asset.toBuilder().keywords(List.copyOf(keywords));
		if (changes.caption() != null) {
			builder.caption(PlainText.text(changes.caption()));
		}
		if (changes.credit() != null) {
			builder.credit(PlainText.line(changes.credit()));
		}
		if (changes.shareable() != null) {
			builder.shareable(changes.shareable());
		}
		return builder.build();
	}
}
