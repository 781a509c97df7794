package org.bpogovernance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the governance view inside Cockpit read {@code /api} with the person's Cockpit login: a
 * GET without credentials that carries a Camunda webapp session acts as that session's user,
 * with their groups. Only reads: a change through {@code /api} always needs HTTP Basic, so a
 * forged cross-site request cannot change anything with someone's session.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";
    /** Where the webapps keep their logins in the session (AuthenticationUtil's key, which is not public). */
    static final String WEBAPP_LOGINS = "authenticatedUser";

    /** The person logged into the webapps with this session, or null. */
    static UserAuthentication webappUser(HttpSession session) {
        // Read, never written: AuthenticationUtil.getAuthsFromSession would store an empty login.
        return session != null && session.getAttribute(WEBAPP_LOGINS) instanceof Authentications authentications
                && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user ? user : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (session != null && read && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            UserAuthentication user = webappUser(session);
            if (user != null) {
                List<SimpleGrantedAuthority> authorities = user.getGroupIds() == null ? List.of()
                        : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
                        authorities));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
