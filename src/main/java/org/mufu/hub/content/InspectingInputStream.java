package org.mufu.hub.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.mufu.hub.metadata.MediaSniffer;

/**
 * Passes a file through on its way to storage, computing its SHA-256, counting its bytes against a limit
 * and keeping its last bytes, with nothing but a small buffer in memory.
 */
final class InspectingInputStream extends FilterInputStream {

	private final MessageDigest digest;

	private final long limit;

	private final byte[] tail = new byte[MediaSniffer.TAIL_BYTES];

	private long count;

	private boolean exceeded;

	InspectingInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			this.count += n;
			if (this.count > this.limit) {
				this.exceeded = true;
				throw new IOException("file larger than " + this.limit + " bytes");
			}
			this.digest.update(buffer, offset, n);
			keepTail(buffer, offset, n);
		}
		return n;
	}

	@Override
	public long skip(long n) {
		return 0; // every byte must pass through the digest
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void keepTail(byte[] buffer, int offset, int n) {
		int keep = Math.min(n, this.tail.length);
		System.arraycopy(this.tail, keep, this.tail, 0, this.tail.length - keep);
		System.arraycopy(buffer, offset + n - keep, this.tail, this.tail.length - keep, keep);
	}

	long count() {
		return this.count;
	}

	boolean exceeded() {
		return this.exceeded;
	}

	String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	/** The last bytes read (fewer when the file was shorter). */
	byte[] tail() {
		int length = (int) Math.min(this.count, this.tail.length);
		byte[] last = new byte[length];
		System.arraycopy(this.tail, this.tail.length - length, last, 0, length);
		return last;
	}
}
