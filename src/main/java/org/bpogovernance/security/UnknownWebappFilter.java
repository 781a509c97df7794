package org.bpogovernance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address under {@code /camunda/app/} that names no webapp ({@code /camunda/app/nothing/}) is
 * answered 404, the product's "no page at this address" for a person ({@link RefusalPages}).
 * Camunda's webapp filter would look for that app's start page and fail with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownWebappFilter extends OncePerRequestFilter {

    private static final Pattern APP = Pattern.compile("^/camunda/app/([^/;]+)");
    private static final Set<String> WEBAPPS = Set.of("tasklist", "cockpit", "admin", "welcome");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher app = APP.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (app.find() && !WEBAPPS.contains(app.group(1))) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
