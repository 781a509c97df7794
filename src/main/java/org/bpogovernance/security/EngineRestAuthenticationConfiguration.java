package org.bpogovernance.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} is open by default; Camunda's own filter makes it require HTTP Basic
 * against the engine's users and runs each request as that user, so Camunda authorizations
 * apply (Camunda Modeler deploys with the same credentials).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    static final String ENGINE_REST_PATH = "/engine-rest";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
