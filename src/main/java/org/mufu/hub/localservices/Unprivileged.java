package org.mufu.hub.localservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

/**
 * Runs a server as the unprivileged user {@code nobody} when the hub runs as root, as Elasticsearch
 * demands. The data directory may sit where nobody cannot enter (a home directory), so the server runs in
 * a private mount namespace that shows the data directory at a view path open to it; the view disappears
 * with the server.
 */
final class Unprivileged {

	private static final String USER = "nobody";

	private static final String SETPRIV = "setpriv";

	private Unprivileged() {
	}

	static boolean runningAsRoot() {
		return new UnixSystem().getUid() == 0;
	}

	/** Where the data directory appears to a server started by {@link #command}. */
	static Path view(Path dataDir) {
		String id = Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
		return Path.of(System.getProperty("java.io.tmpdir"), "mufu-hub-" + id);
	}

	/**
	 * The command that runs {@code command} as nobody with the data directory mounted at its view, ended
	 * by the kernel when the hub's process ends.
	 */
	static List<String> command(Path dataDir, List<String> command) throws IOException {
		Path view = view(dataDir);
		Files.createDirectories(view);
		List<String> wrapped = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "sh",
				"-c", "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"", "sh",
				dataDir.toAbsolutePath().toString(), view.toString(), SETPRIV, "--reuid=" + USER,
				"--regid=" + primaryGroup(), "--clear-groups", "--pdeathsig=TERM"));
		wrapped.addAll(command);
		return wrapped;
	}

	/** The command that runs {@code command} as the hub's own user, ended when the hub's process ends. */
	static List<String> sameUser(List<String> command) {
		List<String> wrapped = new ArrayList<>(List.of(SETPRIV, "--pdeathsig=TERM"));
		wrapped.addAll(command);
		return wrapped;
	}

	/** Hands the given directories, and everything in them, to nobody. */
	static void handOver(Path... directories) throws IOException {
		UserPrincipalLookupService lookup = directories[0].getFileSystem().getUserPrincipalLookupService();
		var user = lookup.lookupPrincipalByName(USER);
		var group = lookup.lookupPrincipalByGroupName(primaryGroup());
		for (Path directory : directories) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					PosixFileAttributeView attributes = Files.getFileAttributeView(path, PosixFileAttributeView.class);
					attributes.setOwner(user);
					attributes.setGroup(group);
				}
			}
		}
	}

	private static String primaryGroup() throws IOException {
		try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
			String gid = lines.map(line -> line.split(":"))
				.filter(fields -> fields.length > 3 && fields[0].equals(USER))
				.map(fields -> fields[3])
				.findFirst()
				.orElseThrow(() -> new LocalServiceException(
						"The hub runs as root, so Elasticsearch must run as the user 'nobody', but this machine has no such user."));
			try (Stream<String> groups = Files.lines(Path.of("/etc/group"))) {
				return groups.map(line -> line.split(":"))
					.filter(fields -> fields.length > 2 && fields[2].equals(gid))
					.map(fields -> fields[0])
					.findFirst()
					.orElse(gid);
			}
		}
	}
}
