package org.bpogovernance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Profile {@code oidc}: people sign in with the organisation's OpenID Connect provider. Opening
 * Tasklist, Cockpit, Admin or Welcome without a login goes to the provider; coming back, the person
 * is brought up to date ({@link SingleSignOnPeople}) and logged into the webapps as if they had used
 * the login form, so Swagger UI, the governance view and {@code /api} in the browser follow as they
 * do today. Programs send the provider's access token as a bearer token to {@code /api} and
 * {@code /engine-rest}. Built-in users keep HTTP Basic, and the login form at a webapp's address
 * with {@code ?local-login}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class SingleSignOnConfiguration {

    /** Where a person goes once signed in, when they came to no particular page. */
    static final String AFTER_SIGN_IN = "/camunda/app/tasklist/default/";
    private static final String TARGET = SingleSignOnConfiguration.class.getName() + ".target";
    /** A webapp's page itself, the only address that decides whether someone is logged in. */
    private static final Pattern WEBAPP_PAGE = Pattern.compile("^/camunda/app/(welcome|tasklist|cockpit|admin)/default/$");
    /** The pages a person may be sent back to: the webapps, Swagger UI and /api, with nothing that could leave the service. */
    private static final Pattern WAY_BACK = Pattern.compile("^/(camunda/app/|swagger-ui/|api/)[A-Za-z0-9/._~%?=&+-]*$");
    /** {@code ?local-login} on a webapp's address shows its own login form: built-in users, the administrator. */
    static final String LOCAL_LOGIN = "local-login";

    @Bean
    @Order(0)
    SecurityFilterChain singleSignOnChain(HttpSecurity http, SingleSignOnPeople people, @Lazy ProcessEngine engine)
            throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/oauth2/**"), path("/login/oauth2/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(broughtUpToDate(people)))
                        .successHandler(loggedIntoTheWebapps(engine)).failureHandler(refused()))
                .build();
    }

    /** The provider's person, brought into the engine's store of people; refused in words when they may not be. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> broughtUpToDate(SingleSignOnPeople people) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            try {
                people.signedIn(user.getClaims());
            } catch (OutsidePeople.NotTaken refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), refused.getMessage());
            }
            return new DefaultOidcUser(user.getAuthorities(), user.getIdToken(), user.getUserInfo(),
                    people.userIdClaimIn(user.getClaims()));
        };
    }

    /** The provider's access tokens on {@code /api} and {@code /engine-rest}, as the person they name. */
    @Bean
    BearerTokens bearerTokens(SingleSignOnPeople people) {
        return http -> http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(token -> {
            String userId;
            try {
                userId = people.tokenUsed(token);
            } catch (OutsidePeople.NotTaken refused) {
                throw new InvalidBearerTokenException(refused.getMessage());
            }
            return new JwtAuthenticationToken(token,
                    people.groupsOf(userId).stream().map(SimpleGrantedAuthority::new).toList(), userId);
        })));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInWithTheProvider(SingleSignOnSettings settings) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if ("GET".equals(request.getMethod()) && WEBAPP_PAGE.matcher(path).matches()
                        && request.getParameter(LOCAL_LOGIN) == null
                        && WebappSessionAuthenticationFilter.webappUser(request.getSession(false)) == null) {
                    request.getSession().setAttribute(TARGET, target(request, path));
                    response.sendRedirect(request.getContextPath() + "/oauth2/authorization/" + settings.registration());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("sign-in-with-the-provider");
        registration.addUrlPatterns("/camunda/app/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The page asked for: the login page's way back ({@link SignIn#RETURN_PARAMETER}) if it is a page of this service. */
    private static String target(HttpServletRequest request, String path) {
        String back = request.getParameter(SignIn.RETURN_PARAMETER);
        if (back != null && WAY_BACK.matcher(back).matches()) {
            return back;
        }
        return "/camunda/app/welcome/default/".equals(path) ? AFTER_SIGN_IN : path;
    }

    private static AuthenticationSuccessHandler loggedIntoTheWebapps(ProcessEngine engine) {
        return (request, response, authentication) -> {
            // Read before the login gives the person a new session, which does not carry it over.
            Object target = request.getSession().getAttribute(TARGET);
            UserAuthentication webappLogin = AuthenticationUtil.createAuthentication(engine, authentication.getName());
            AuthenticationUtil.revalidateSession(request, webappLogin);
            response.sendRedirect(request.getContextPath() + (target instanceof String page ? page : AFTER_SIGN_IN));
        };
    }

    private static AuthenticationFailureHandler refused() {
        return (request, response, refusal) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getWriter().write("<!doctype html><title>Sign-in refused</title><h1>Sign-in refused</h1><p>"
                    + HtmlUtils.htmlEscape(refusal.getMessage()) + "</p><p><a href=\"" + request.getContextPath()
                    + AFTER_SIGN_IN + "\">Try again</a></p>");
        };
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Adds bearer tokens to a filter chain (the API's and /engine-rest's); only with single sign-on. */
    interface BearerTokens {
        void acceptOn(HttpSecurity http) throws Exception;
    }
}
