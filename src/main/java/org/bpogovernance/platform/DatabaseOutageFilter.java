package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The outermost filter: a database outage that escapes a filter or servlet (a login checked
 * against the engine's users) is answered 503 with a problem detail instead of the container's
 * 500 page. The Camunda webapps' own API ({@code /camunda/api/}) answers every engine failure 500
 * with no cause attached; a 500 of it while the database does not answer is an outage, and is
 * answered 503 the same way; with the database answering, the engine's plain refusal of a
 * request is answered 400, as {@code /engine-rest} does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private static final String WEBAPP_API = "/camunda/api/";

    private final ObjectMapper objectMapper;
    private final DataSource dataSource;

    DatabaseOutageFilter(ObjectMapper objectMapper, DataSource dataSource) {
        this.objectMapper = objectMapper;
        this.dataSource = dataSource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (request.getRequestURI().startsWith(request.getContextPath() + WEBAPP_API)) {
                ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, answer);
                if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && !response.isCommitted()
                        && !databaseAnswers()) {
                    log.warn("Database unavailable during {} {}", request.getMethod(), request.getRequestURI());
                    answer.resetBuffer();
                    writeUnavailable(request, response);
                    return;
                }
                if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && !response.isCommitted()) {
                    answerEngineRefusalAsClientError(answer);
                }
                answer.copyBodyToResponse();
            } else {
                chain.doFilter(request, response);
            }
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
            writeUnavailable(request, response);
        }
    }

    /**
     * With the database answering, the engine's plain exception is a request it cannot carry out
     * (the same rule as {@link EngineRestErrors} for {@code /engine-rest}): 400 with its message.
     */
    private void answerEngineRefusalAsClientError(ContentCachingResponseWrapper answer) throws IOException {
        var body = objectMapper.readTree(answer.getContentAsByteArray());
        if (body != null && "ProcessEngineException".equals(body.path("type").asText())) {
            String message = body.path("message").asText();
            if (message.contains("cannot be cast to")) {
                message = "A value in the request has the wrong type for what it is used for; nothing was changed.";
            }
            answer.resetBuffer();
            answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            objectMapper.writeValue(answer.getOutputStream(),
                    java.util.Map.of("type", "InvalidRequestException", "message", message));
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException unavailable) {
            return false;
        }
    }

    private void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = DatabaseUnavailable.problem();
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
