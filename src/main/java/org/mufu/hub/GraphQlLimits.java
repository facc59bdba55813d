package org.mufu.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one GraphQL request may ask ({@code hub.graphql.*}): depth, cost with list sizes counted, aliases, the length
 * of a string and of a list in its arguments; and how many parsed documents the hub keeps, in number and in size.
 */
// the depth leaves room for the introspection query of GraphiQL and the client libraries, whose type references
// make it 15 levels deep
@ConfigurationProperties("hub.graphql")
record GraphQlLimits(@DefaultValue("20") int maxDepth, @DefaultValue("5000") int maxComplexity,
		@DefaultValue("20") int maxAliases, @DefaultValue("2000") int maxStringLength,
		@DefaultValue("200") int maxListSize, @DefaultValue("500") int documentsKept,
		@DefaultValue("4MB") DataSize documentsKeptSize) {
}
