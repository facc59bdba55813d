package org.mufu.hub.metadata;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A local sample file read piece by piece, as storage is read in the hub. */
record FileSource(Path path) implements RandomAccessSource {

	@Override
	public long size() {
		return path.toFile().length();
	}

	@Override
	public byte[] read(long offset, int length) {
		try (RandomAccessFile file = new RandomAccessFile(this.path.toFile(), "r")) {
			file.seek(offset);
			byte[] bytes = new byte[(int) Math.min(length, size() - offset)];
			file.readFully(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
