package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The same task submitted twice at once (a double click, two tabs, the two holders of a role):
 * the later submission fails however it meets the other (the engine's optimistic lock on the task,
 * the permission the other submission removed with the task, or the step's own rule that the
 * other submission's record already satisfies). When the task has been completed
 * meanwhile, the person is told so, on {@code /engine-rest} and in Tasklist alike: 409 "already
 * completed (at …)". Nothing is submitted again: two different tasks of one process no longer
 * collide, because the models continue asynchronously where parallel branches join.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AlreadyCompletedTaskFilter extends OncePerRequestFilter {

    private static final Pattern TASK_COMPLETION = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)$");

    private final CompletedTasks completedTasks;
    private final ObjectMapper json;

    AlreadyCompletedTaskFilter(CompletedTasks completedTasks, ObjectMapper json) {
        this.completedTasks = completedTasks;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() >= 400 && !response.isCommitted()
                && mayHaveLostTheRace(answer.getStatus(), new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8))) {
            Optional<Instant> completedAt = completedTasks.completedAt(taskId(request));
            if (completedAt.isPresent()) {
                answer.resetBuffer();
                answer.setStatus(HttpServletResponse.SC_CONFLICT);
                answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(answer.getOutputStream(), Map.of("type", CompletedTasks.TYPE,
                        "message", CompletedTasks.message(completedAt.get())));
            }
        }
        answer.copyBodyToResponse();
    }

    private static String taskId(HttpServletRequest request) {
        Matcher completion = TASK_COMPLETION.matcher(request.getRequestURI());
        return completion.matches() ? completion.group(1) : "";
    }

    /**
     * A failure other than an unknown caller, an unreachable database or one that says so already.
     * A 403 is included (the other submission's commit also removes the assignee's permission on
     * the task), and so is a 400: a rule of the step can meet the other submission's record first
     * ("the CLIENT side has already decided on round 1").
     */
    private static boolean mayHaveLostTheRace(int status, String failure) {
        return status != HttpServletResponse.SC_UNAUTHORIZED && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && !failure.contains("\"" + CompletedTasks.TYPE + "\"");
    }
}
