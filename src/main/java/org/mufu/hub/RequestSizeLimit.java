package org.mufu.hub;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A GraphQL request's body is read whole into memory before any limit on its query or arguments can look at it,
 * so its size is bounded first ({@code hub.graphql.max-request-size}, 2 MB: a 200,000-character article with
 * room to spare). A declared length over it is answered 413 at once; a body sent without one stops being read
 * there, and the request is refused as unreadable. Uploads go to {@code /api/uploads}, which streams and has its
 * own limits.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	RequestSizeLimit(@Value("${hub.graphql.max-request-size:2MB}") DataSize maxSize, ObjectMapper json,
			MessageSource messages, LocaleResolver locales) {
		this.maxBytes = maxSize.toBytes();
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/graphql");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(ErrorKind.TOO_LARGE.status().value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			Object[] limit = { DataSize.ofBytes(this.maxBytes).toKilobytes() };
			String message = this.messages.getMessage("limits.request-too-large", limit,
					this.locales.resolveLocale(request));
			this.json.writeValue(response.getOutputStream(),
					Map.of("error", ErrorKind.TOO_LARGE.name(), "message", message));
			return;
		}
		chain.doFilter(new Bounded(request, this.maxBytes), response);
	}

	/** The request with a body that ends, as far as its reader can tell, after the allowed bytes. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counted(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}
	}

	private static final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private long left;

		Counted(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.left = maxBytes;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return end();
			}
			int b = this.in.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return end();
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

		/* At the limit: the body's end if it ends here, else a body too long to read. */
		private int end() throws IOException {
			if (this.in.read() < 0) {
				return -1;
			}
			throw new IOException("request body over the limit");
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}
	}
}
