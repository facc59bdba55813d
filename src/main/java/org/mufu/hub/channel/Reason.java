package org.mufu.hub.channel;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * One reason an item cannot go out on a channel: a stable code (its message is {@code readiness.<code>}), the
 * item's field it concerns ({@code kind}, {@code title}, {@code author}, {@code digest}, {@code body},
 * {@code cover} or {@code video}) and the message's arguments. Put into words at the API's edge, in the
 * reader's language.
 */
public record Reason(String code, String field, List<Object> args) implements MessageSourceResolvable {

	static Reason of(String code, String field, Object... args) {
		return new Reason(code, field, Arrays.asList(args));
	}

	@Override
	public String[] getCodes() {
		return new String[] { "readiness." + this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.args.toArray();
	}
}
