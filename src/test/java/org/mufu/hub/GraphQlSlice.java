package org.mufu.hub;

import org.mufu.hub.security.CallerArgumentResolver;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @GraphQlTest} of one controller needs beside it, as the hub has it: the caller as a controller
 * argument, the scalars, the error classification and its messages, and the request limits. Import it, stand in
 * for the controller's services with {@code @MockitoBean}, and set {@code hub.local.enabled=false}: a slice needs
 * no servers.
 */
@TestConfiguration
@EnableConfigurationProperties(GraphQlLimits.class)
@ImportAutoConfiguration(MessageSourceAutoConfiguration.class)
@Import({ CallerArgumentResolver.class, GraphQlScalars.class, GraphQlErrors.class })
public class GraphQlSlice {
}
