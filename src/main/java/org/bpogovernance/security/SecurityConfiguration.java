package org.bpogovernance.security;

import static org.bpogovernance.security.EngineRestAuthenticationConfiguration.ENGINE_REST_PATH;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains. The Camunda webapps and {@code /engine-rest} authenticate with Camunda's own
 * mechanisms (login page and session; {@link EngineRestAuthenticationConfiguration}), so Spring
 * Security lets them through, adding security headers to {@code /engine-rest}. Everything else ({@code /api}, actuator, Swagger UI)
 * needs a login against the same users, except the health status: HTTP Basic, or for reads (Swagger UI,
 * {@code /api}) a Cockpit or Tasklist login ({@link WebappSessionAuthenticationFilter}). Only programs
 * are challenged for Basic; a person is sent to the login page ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** For answers that are data, never pages: nothing may load, run or frame them. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        return http
                // Explicit path matchers: these paths are served by Jersey servlets, not Spring MVC.
                .securityMatcher(new OrRequestMatcher(path("/"), path("/camunda/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The webapps bring their own CSRF protection and security headers (a content
                // security policy with frame-ancestors 'none', nosniff), which also cover the
                // governance view inside Cockpit.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /**
     * {@code /engine-rest}: Camunda's own filter authenticates ({@link EngineRestAuthenticationConfiguration});
     * Spring Security adds the security headers a JSON API needs. Camunda's filter leaves the list
     * of engine names open; it goes to the API chain instead, so nothing is readable without a login.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRestChain(HttpSecurity http,
            ObjectProvider<SingleSignOnConfiguration.BearerTokens> bearerTokens) throws Exception {
        for (var tokens : bearerTokens) {
            tokens.acceptOn(http);
        }
        return http
                .securityMatcher(new AndRequestMatcher(path(ENGINE_REST_PATH + "/**"),
                        new NegatedRequestMatcher(path(ENGINE_REST_PATH + "/engine/**"))))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Stateless HTTP Basic (Camunda Modeler, integrations): no session cookie, no CSRF exposure.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)))
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems,
            IdentityServiceAuthenticationProvider identityProvider,
            ObjectProvider<SingleSignOnConfiguration.BearerTokens> bearerTokens) throws Exception {
        for (var tokens : bearerTokens) {
            tokens.acceptOn(http);
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        // Metrics count every engagement's tasks and escalations: officers and administrators only.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasAnyAuthority(GovernanceGroups.GOVERNANCE_OFFICERS, GovernanceGroups.CAMUNDA_ADMIN)
                        .requestMatchers("/error", "/favicon.ico").permitAll()
                        // Asked by the webapps' login pages before anyone is logged in (FirstVisitCheck).
                        .requestMatchers(HttpMethod.GET, FirstVisitCheck.PATH).permitAll()
                        .requestMatchers(HttpMethod.POST, SignOutController.PATH).permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(identityProvider)
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                // JSON answers are never a page: no scripts, no framing (Swagger UI keeps the defaults)
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/api/**"),
                        new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                // Stateless HTTP Basic: no session cookie, so no CSRF exposure.
                .csrf(AbstractHttpConfigurer::disable)
                // A read with the webapp session must leave that session as it is: changing its id
                // (session fixation protection) would log the person out of Cockpit mid-page.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
