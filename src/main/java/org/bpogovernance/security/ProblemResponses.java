package org.bpogovernance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bpogovernance.platform.BrowserRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as RFC 9457 problem details, like every other error of {@code /api}. Only programs
 * are challenged for HTTP Basic: a browser's Basic dialog would open over the product's pages, so
 * a person opening a page is sent to the login page ({@link SignIn}), and a request made by one of
 * the service's own pages (Swagger UI, the webapps) gets the 401 without the challenge.
 */
@Component
class ProblemResponses {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            if (BrowserRequest.isPageOpenedByPerson(request)) {
                response.sendRedirect(SignIn.loginPageReturningTo(request));
                return;
            }
            if (BrowserRequest.isMadeByPageOfThisService(request)) {
                write(response, HttpStatus.UNAUTHORIZED, "Log in first; a change needs your user name and password"
                        + " (in Swagger UI: Authorize).", request.getRequestURI());
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"BPO governance\"");
            write(response, HttpStatus.UNAUTHORIZED,
                    "Log in with your user name and password (HTTP Basic).", request.getRequestURI());
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            if (BrowserRequest.isPageOpenedByPerson(request)) {
                // The product's refusal page (RefusalPages), not data.
                response.sendError(HttpStatus.FORBIDDEN.value());
                return;
            }
            write(response, HttpStatus.FORBIDDEN, "Your groups do not allow this request.", request.getRequestURI());
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(path));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
