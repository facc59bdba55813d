package org.mufu.hub;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.mufu.hub.content.ArchiveImport;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.index.ReindexReport;
import org.mufu.hub.index.Reindexer;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.security.TokenCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The content hub of the Mufu Mountain county media centres. Besides serving, the jar runs three commands:
 * {@code token --org ID --role ROLE}, {@code reindex} and {@code import FILE.ndjson}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MufuHubApplication {

	public static void main(String[] args) {
		String command = args.length > 0 ? args[0] : "";
		String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "token" -> System.exit(TokenCommand.run(rest));
			case "reindex" -> System.exit(reindex(rest));
			case "import" -> System.exit(importArchive(rest));
			default -> {
				if (Boolean.getBoolean("hub.exit-with-launcher")) {
					exitWithLauncher();
				}
				SpringApplication.run(MufuHubApplication.class, args);
			}
		}
	}

	/** Rebuilds the index from storage, using the running hub's services when it is up, and prints the counts. */
	private static int reindex(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MufuHubApplication.class)
			.web(WebApplicationType.NONE)
			.properties("hub.samples.load=false", "hub.security.log-demo-tokens=false")
			.run(args)) {
			ReindexReport report = context.getBean(Reindexer.class).reindex(context.getBean(Reindexer.Source.class));
			System.out.printf("Reindexed %d items into %s and %d assets into %s in %d ms%n", report.contentCount(),
					report.contentIndex(), report.assetCount(), report.assetIndex(), report.tookMillis());
			return 0;
		}
	}

	/** Imports an archive exported from an older system, one item record per line, and prints how many. */
	private static int importArchive(String[] args) {
		if (args.length == 0 || args[0].startsWith("--")) {
			System.err.println("Usage: import FILE.ndjson [--hub.data-dir=...]  (one exported item record per line)");
			return 2;
		}
		Path file = Path.of(args[0]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MufuHubApplication.class)
			.web(WebApplicationType.NONE)
			.properties("hub.samples.load=false", "hub.security.log-demo-tokens=false")
			.run(Arrays.copyOfRange(args, 1, args.length))) {
			Caller operator = new Caller("import", Role.ADMIN);
			long started = System.nanoTime();
			List<ContentItem> stored = Callers.as(operator,
					() -> context.getBean(ArchiveImport.class).load(operator, file));
			System.out.printf("Imported %d items from %s in %d ms%n", stored.size(), file,
					(System.nanoTime() - started) / 1_000_000);
			return 0;
		}
		catch (KeyedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

	/*
	 * Under ./mvnw spring-boot:run the hub runs in a JVM of its own; if Maven is killed outright, the hub
	 * would live on with its port and services. Following the launcher avoids that orphan.
	 */
	private static void exitWithLauncher() {
		ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
	}
}
