package org.mufu.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The HMAC key tokens are signed with: configured, or kept in {@code <data-dir>/secrets/token-secret}. */
@Component
class TokenSecret {

	private static final int MIN_BYTES = 32;

	private final SecretKey key;

	TokenSecret(SecurityProperties properties, @Value("${hub.data-dir:./data}") Path dataDir) {
		byte[] secret = properties.tokenSecret() != null ? properties.tokenSecret().getBytes(StandardCharsets.UTF_8)
				: keptSecret(dataDir.resolve("secrets").resolve("token-secret"));
		if (secret.length < MIN_BYTES) {
			throw new IllegalStateException("hub.security.token-secret must be at least " + MIN_BYTES + " characters long");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	SecretKey key() {
		return this.key;
	}

	private static byte[] keptSecret(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] random = new byte[MIN_BYTES];
				new SecureRandom().nextBytes(random);
				Path partial = Files.createTempFile(file.getParent(), "token-secret", ".partial",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(partial, Base64.getEncoder().encodeToString(random));
				try {
					Files.move(partial, file);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					Files.delete(partial); // another start wrote it first: use theirs
				}
			}
			return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the token secret at " + file, ex);
		}
	}
}
