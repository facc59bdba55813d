package org.mufu.hub;

import java.util.Arrays;

import org.mufu.hub.index.ReindexReport;
import org.mufu.hub.index.Reindexer;
import org.mufu.hub.security.TokenCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The content hub of the Mufu Mountain county media centres. Besides serving, the jar runs two commands:
 * {@code token --org ID --role ROLE} and {@code reindex}.
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

	/*
	 * Under ./mvnw spring-boot:run the hub runs in a JVM of its own; if Maven is killed outright, the hub
	 * would live on with its port and services. Following the launcher avoids that orphan.
	 */
	private static void exitWithLauncher() {
		ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
	}
}
