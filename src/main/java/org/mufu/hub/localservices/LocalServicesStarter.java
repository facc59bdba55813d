package org.mufu.hub.localservices;

import java.nio.file.Path;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts, before any bean is made, the Elasticsearch and S3 servers for whichever of the two has no
 * external endpoint configured, and points the hub at them; they stop with the application context.
 */
class LocalServicesStarter implements ApplicationListener<ApplicationPreparedEvent> {

	static final String ELASTICSEARCH_URIS = "spring.elasticsearch.uris";

	static final String STORAGE_ENDPOINT = "hub.storage.endpoint";

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		LocalServicesProperties properties = binder.bindOrCreate("hub.local", LocalServicesProperties.class);
		boolean elasticsearch = !environment.containsProperty(ELASTICSEARCH_URIS);
		boolean s3 = !environment.containsProperty(STORAGE_ENDPOINT);
		if (!properties.enabled() || !(elasticsearch || s3)) {
			return;
		}
		Path dataDir = binder.bind("hub.data-dir", Path.class).orElse(Path.of("data")).toAbsolutePath().normalize();
		LocalServices.Lease lease = LocalServices.acquire(dataDir, properties, elasticsearch, s3,
				environment.getProperty("hub.storage.access-key", "minioadmin"),
				environment.getProperty("hub.storage.secret-key", "minioadmin"));
		environment.getPropertySources().addLast(new MapPropertySource("hubLocalServices", lease.endpoints()));
		// registered first among the context's disposables, so released after every bean that used them
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("localServices", lease::release);
	}
}
