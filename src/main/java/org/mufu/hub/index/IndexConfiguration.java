package org.mufu.hub.index;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents go to and come from Elasticsearch by the hub's own JSON rules (times as ISO text, records), so a
 * feed page reads its items straight from the response instead of through an intermediate map.
 */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

	@Bean
	JacksonJsonpMapper jsonpMapper(ObjectMapper json) {
		return new JacksonJsonpMapper(json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL));
	}
}
