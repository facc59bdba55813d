package org.mufu.hub.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Names of the hub's indices: a prefix lets several hubs, or test runs, share one cluster. */
@ConfigurationProperties("hub.index")
record IndexProperties(@DefaultValue("") String prefix) {
}
