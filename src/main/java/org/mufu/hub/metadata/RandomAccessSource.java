package org.mufu.hub.metadata;

/** A stored file read piece by piece, so a video of several GB is never read whole. */
public interface RandomAccessSource {

	long size();

	/** Up to {@code length} bytes from {@code offset}. */
	byte[] read(long offset, int length);
}
