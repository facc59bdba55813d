package org.mufu.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The content hub of the Mufu Mountain county media centres. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MufuHubApplication {

	public static void main(String[] args) {
		if (Boolean.getBoolean("hub.exit-with-launcher")) {
			exitWithLauncher();
		}
		SpringApplication.run(MufuHubApplication.class, args);
	}

	/*
	 * Under ./mvnw spring-boot:run the hub runs in a JVM of its own; if Maven is killed outright, the hub
	 * would live on with its port and services. Following the launcher avoids that orphan.
	 */
	private static void exitWithLauncher() {
		ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
	}
}
