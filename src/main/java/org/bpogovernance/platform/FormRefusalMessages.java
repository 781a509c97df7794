package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST resources put "Cannot submit task form 3f0c…: " or "Cannot instantiate process
 * definition escalation:2:…: " before a refused form's message, and Tasklist shows the message
 * as it comes. The person is told what to change only: the refusal, whose fields the engine
 * plugin already names by their labels.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class FormRefusalMessages extends OncePerRequestFilter {

    private static final Pattern FORM_SUBMISSION = Pattern.compile(
            ".*/(task/[^/]+/(submit-form|complete)|process-definition/.+/(submit-form|start))$");
    private static final Pattern ENGINE_PREFIX = Pattern.compile(
            "^Cannot (submit task form|complete task|instantiate process definition) \\S+?: ");

    private final ObjectMapper json;

    FormRefusalMessages(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !FORM_SUBMISSION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST && !response.isCommitted()
                && answer.getContentType() != null && answer.getContentType().contains("json")) {
            try {
                var body = json.readTree(answer.getContentAsByteArray());
                String message = body.path("message").asText("");
                if (body instanceof ObjectNode error && ENGINE_PREFIX.matcher(message).find()) {
                    error.put("message", ENGINE_PREFIX.matcher(message).replaceFirst(""));
                    answer.resetBuffer();
                    json.writeValue(answer.getOutputStream(), error);
                }
            } catch (IOException notJson) {
                // left as it was
            }
        }
        answer.copyBodyToResponse();
    }
}
