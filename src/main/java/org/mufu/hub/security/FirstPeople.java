package org.mufu.hub.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first people of a new hub. On a bucket with no one in it, the first administrator ({@code admin}, of the
 * chair's member) is made with a one-time password printed once, by the one hub whose create won; with the demo
 * archive, one county uploader and one chair editor besides, so the console can be tried at once.
 */
@Component
class FirstPeople {

	private static final Log logger = LogFactory.getLog(FirstPeople.class);

	private final People people;

	private final OrganizationDirectory members;

	private final boolean demoArchive;

	FirstPeople(People people, OrganizationDirectory members, @Value("${hub.samples.load:true}") boolean demoArchive) {
		this.people = people;
		this.members = members;
		this.demoArchive = demoArchive;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		if (this.people.anyone() || this.members.all().isEmpty()) {
			return;
		}
		String home = this.members.chair().orElse(this.members.all().get(0)).id();
		StringBuilder text = new StringBuilder();
		create("admin", "系统管理员", home, Role.ADMIN, true).ifPresent(admin -> text
			.append("First administrator: sign in at / as 'admin' with the one-time password ")
			.append(admin.oneTimePassword())
			.append(" (shown this once; a new one is chosen at the first sign-in)."));
		if (this.demoArchive && !text.isEmpty()) {
			Organization county = this.members.all().stream().filter(m -> !m.chair()).findFirst().orElseThrow();
			List<Optional<People.Invited>> demo = List.of(
					create(county.id() + ".staff", "张伟", county.id(), Role.UPLOADER, false),
					create(home + ".editor", "李娜", home, Role.EDITOR, false));
			text.append(System.lineSeparator()).append("People for trying the console (demo archive only):");
			demo.stream()
				.flatMap(Optional::stream)
				.forEach(invited -> text.append(System.lineSeparator())
					.append(String.format("  %-8s %-18s %s", invited.person().role(), invited.person().login(),
							invited.oneTimePassword())));
		}
		if (!text.isEmpty()) {
			logger.info(text);
		}
	}

	private Optional<People.Invited> create(String login, String name, String org, Role role, boolean oneTime) {
		return this.people.createOnce(
				new Person(login, name, org, role, null, false, 0, null, oneTime, null, Instant.now(), "first start"));
	}
}
