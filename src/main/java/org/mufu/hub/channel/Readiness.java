package org.mufu.hub.channel;

import java.util.List;

/** Whether an item can go out on a channel, and every reason it cannot. */
public record Readiness(String channel, boolean ready, List<Reason> reasons) {
}
