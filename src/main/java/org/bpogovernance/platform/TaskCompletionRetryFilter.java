package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people completing the two parallel tasks of one process at the same moment (a charter's
 * or the minutes' client and provider signatures) collide where the branches join: the engine
 * rolls the later one back with an optimistic-locking failure. The same task submitted twice at
 * once collides on the governance tables' unique constraints (one signature per side and round).
 * Nothing of such an attempt was written, so this filter submits it again, up to {@value #ATTEMPTS} times, for Tasklist and
 * {@code /engine-rest} task completions, instead of asking the person to click again.
 * <p>
 * A task completed twice at once can also fail in ways the engine does not name as a collision
 * (a step reading the task's variables after the other submission removed them, or the
 * permission check after it removed the task's authorization). Whatever an
 * attempt failed with, when the task has been completed meanwhile the person is told so: 409
 * "already completed (at …)".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TaskCompletionRetryFilter extends OncePerRequestFilter {

    static final int ATTEMPTS = 4;
    private static final Pattern TASK_COMPLETION = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)$");
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TaskCompletionRetryFilter.class);

    private final CompletedTasks completedTasks;
    private final ObjectMapper json;

    TaskCompletionRetryFilter(CompletedTasks completedTasks, ObjectMapper json) {
        this.completedTasks = completedTasks;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(request.getRequestURI()).matches()
                || request.getContentLengthLong() > MAX_BODY;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY);
        Set<String> attributesBefore = new HashSet<>(Collections.list(request.getAttributeNames()));
        for (int attempt = 1; ; attempt++) {
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(new ReplayedRequest(request, body), answer);
            String failure = answer.getStatus() < 400 ? null : new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
            if (failure != null && attempt < ATTEMPTS && !response.isCommitted() && collided(failure)) {
                log.debug("Task completion {} collided with a parallel one (attempt {}); submitting again",
                        request.getRequestURI(), attempt);
                response.reset();
                // the filters behind this one mark the request as handled; each attempt starts afresh
                Collections.list(request.getAttributeNames()).stream().filter(name -> !attributesBefore.contains(name))
                        .forEach(request::removeAttribute);
                pause(attempt);
                continue;
            }
            if (failure != null && !response.isCommitted() && mayHaveLostTheRace(answer.getStatus(), failure)) {
                Optional<Instant> completedAt = completedTasks.completedAt(taskId(request));
                if (completedAt.isPresent()) {
                    answerAlreadyCompleted(response, completedAt.get());
                    return;
                }
            }
            answer.copyBodyToResponse();
            return;
        }
    }

    private void answerAlreadyCompleted(HttpServletResponse response, Instant completedAt) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", CompletedTasks.TYPE, "message", CompletedTasks.message(completedAt)));
    }

    private static String taskId(HttpServletRequest request) {
        Matcher completion = TASK_COMPLETION.matcher(request.getRequestURI());
        return completion.matches() ? completion.group(1) : "";
    }

    /**
     * A failure other than an unknown caller, an unreachable database or one that says so already.
     * A 403 is included: the other submission's commit also removes the assignee's permission on the task.
     */
    private static boolean mayHaveLostTheRace(int status, String failure) {
        return status != HttpServletResponse.SC_UNAUTHORIZED && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && !failure.contains("\"" + CompletedTasks.TYPE + "\"");
    }

    private static boolean collided(String failure) {
        // engine-rest says so in its own words (EngineRestErrors); the webapps' API passes the engine's type on
        return failure.contains("\"" + EngineRestErrors.CONCURRENT_CHANGE + "\"") || failure.contains("\"OptimisticLockingException\"")
                || failure.contains("restoreProcessInstance"); // see EngineRestErrors: the engine's NPE in the same race
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request with its body readable once per attempt. */
    private static final class ReplayedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
