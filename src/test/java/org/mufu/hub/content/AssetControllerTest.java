package org.mufu.hub.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.metadata.Camera;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.Caller;
import org.mufu.hub.GraphQlSlice;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.OrganizationDirectory;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The asset controller alone, its services stood in for: how GraphQL arguments reach the services and how their
 * answers read. What the services do against storage and the index is for the integration tests.
 */
@GraphQlTest(controllers = AssetController.class, properties = "hub.local.enabled=false")
@Import(GraphQlSlice.class)
class AssetControllerTest {

	private static final Caller DESK = new Caller("xiushui", Role.UPLOADER);

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	AssetService assets;

	@MockitoBean
	Uploads uploads;

	@MockitoBean
	AssetEdits edits;

	@MockitoBean
	ContentService contents;

	@MockitoBean
	ContentIndex index;

	@MockitoBean
	OrganizationDirectory members;

	@Test
	void updateAssetsPassesTheChangesAndAnswersOncePerAsset() {
		when(this.edits.update(eq(DESK), eq(List.of("a1", "a2")), any())).thenReturn(List.of(
				new AssetEdits.Outcome("a1", teaGarden().toBuilder().credit("修水县融媒体中心 摄影：王芳").shareable(true).build(),
						null, null),
				new AssetEdits.Outcome("a2", null, ErrorKind.FORBIDDEN,
						HubException.forbidden("asset.belongs-to", "a2", "tongcheng"))));

		GraphQlTester.Response answer = Callers.as(DESK, () -> this.graphQl.documentName("updateAssets")
			.variable("ids", List.of("a1", "a2"))
			.variable("changes", Map.of("addKeywords", List.of("茶"), "credit", "修水县融媒体中心 摄影：王芳",
					"shareable", true))
			.execute());

		answer.path("updateAssets[0].asset.credit").entity(String.class).isEqualTo("修水县融媒体中心 摄影：王芳")
			.path("updateAssets[0].asset.shareable").entity(Boolean.class).isEqualTo(true)
			.path("updateAssets[0].refused").valueIsNull()
			.path("updateAssets[1].asset").valueIsNull()
			.path("updateAssets[1].refused").entity(String.class).isEqualTo("FORBIDDEN")
			.path("updateAssets[1].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("a2", "tongcheng").doesNotContain("asset.belongs-to"));
		ArgumentCaptor<AssetEdits.Changes> changes = ArgumentCaptor.forClass(AssetEdits.Changes.class);
		verify(this.edits).update(eq(DESK), eq(List.of("a1", "a2")), changes.capture());
		assertThat(changes.getValue()).isEqualTo(new AssetEdits.Changes(List.of("茶"), null, null,
				"修水县融媒体中心 摄影：王芳", true));
	}

	@Test
	void anAssetWithoutACreditOfItsOwnCreditsItsCreatorAndCopyright() {
		when(this.assets.find("a1")).thenReturn(java.util.Optional.of(teaGarden()));

		Callers.as(DESK, () -> this.graphQl.document("{ asset(id: \"a1\") { type credit shareable } }").execute())
			.path("asset.type").entity(String.class).isEqualTo("PHOTO")
			.path("asset.credit").entity(String.class).isEqualTo("王芳 / © 修水县融媒体中心")
			.path("asset.shareable").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void anUploadsAnswerSaysWhetherTheFileWasThereBeforeAndAnAssetReadLaterDoesNot() {
		when(this.uploads.completeUpload(DESK, "u1")).thenReturn(new UploadResult(teaGarden(), true));
		when(this.assets.find("a1")).thenReturn(java.util.Optional.of(teaGarden()));

		Callers.as(DESK, () -> this.graphQl.document("mutation { completeUpload(uploadId: \"u1\") { id duplicate } }")
			.execute())
			.path("completeUpload.id").entity(String.class).isEqualTo("a1")
			.path("completeUpload.duplicate").entity(Boolean.class).isEqualTo(true);
		Callers.as(DESK, () -> this.graphQl.document("{ asset(id: \"a1\") { duplicate } }").execute())
			.path("asset.duplicate").entity(Boolean.class).isEqualTo(false);
	}

	/* A photo of the tea gardens a Xiushui photographer took, as its record says. */
	private static Asset teaGarden() {
		return Asset.builder()
			.id("a1")
			.owner("xiushui")
			.filename("tea.jpg")
			.contentType("image/jpeg")
			.byteSize(1_024_000)
			.sha256("ab")
			.kind(MediaKind.IMAGE)
			.displayWidth(1920)
			.displayHeight(1280)
			.takenAt("2025-04-12T09:30:00")
			.camera(new Camera("Canon", "EOS R6"))
			.caption("宁红茶园晨雾")
			.creator("王芳")
			.copyright("© 修水县融媒体中心")
			.createdAt(Instant.parse("2025-04-13T02:00:00Z"))
			.createdBy("xiushui:UPLOADER")
			.build();
	}
}
