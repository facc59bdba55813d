package org.mufu.hub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of the README's "How it fits", checked on the compiled classes. */
class BoundariesTest {

	private static final JavaClasses HUB = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.mufu.hub");

	@Test
	void onlyStorageTalksToTheS3Server() {
		noClasses().that()
			.resideOutsideOfPackage("org.mufu.hub.storage..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.minio..")
			.check(HUB);
	}

	@Test
	void onlyIndexAndSearchUseElasticsearchTypes() {
		noClasses().that()
			.resideOutsideOfPackages("org.mufu.hub.index..", "org.mufu.hub.search..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("co.elastic..", "org.elasticsearch..", "org.springframework.data.elasticsearch..")
			.check(HUB);
	}

	@Test
	void featuresDependOnEachOtherWithoutCycles() {
		slices().matching("org.mufu.hub.(*)..").should().beFreeOfCycles().check(HUB);
	}

	@Test
	void theFoundationsDependOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("org.mufu.hub.storage..", "org.mufu.hub.changelog..", "org.mufu.hub.metadata..",
					"org.mufu.hub.security..", "org.mufu.hub.index..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.mufu.hub.content..", "org.mufu.hub.feed..", "org.mufu.hub.search..",
					"org.mufu.hub.channel..")
			.check(HUB);
	}

	@Test
	void metadataAndChannelRefuseWithTheirOwnExceptionsAndLeaveTheKindToErrors() {
		noClasses().that()
			.resideInAnyPackage("org.mufu.hub.metadata..", "org.mufu.hub.channel..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(HubException.class, ErrorKind.class)
			.check(HUB);
	}
}
