package org.bpogovernance.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * {@code /engine-rest} is open by default; Camunda's own filter makes it require HTTP Basic
 * against the engine's users and runs each request as that user, so Camunda authorizations
 * apply (Camunda Modeler deploys with the same credentials). With single sign-on, a request whose
 * bearer token Spring Security accepted runs as the person the token names.
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
                BearerTokenOrHttpBasic.class.getName());
        return registration;
    }

    /** The person of an accepted bearer token (their groups from the engine), else HTTP Basic. */
    public static class BearerTokenOrHttpBasic extends HttpBasicAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && signedIn instanceof AbstractOAuth2TokenAuthenticationToken<?> token && token.isAuthenticated()) {
                return AuthenticationResult.successful(token.getName());
            }
            return super.extractAuthenticatedUser(request, engine);
        }
    }
}
