package org.bpogovernance.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of {@code /api} as an RFC 9457 problem detail that names the field at fault, in
 * an {@code errors} list of {@code {field, message}}. No stack trace ever leaves the service.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /**
     * An address that is no page or resource: a person who opened it in a browser gets the product's
     * page (security/RefusalPages, through the error page), a program the problem detail.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && BrowserRequest.isPageOpenedByPerson(servlet.getRequest())
                && !servlet.getRequest().getRequestURI().startsWith(servlet.getRequest().getContextPath() + "/api/")) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (IOException gone) {
                // The browser has gone; the problem detail below is as good as anything.
            }
        }
        return super.handleNoResourceFoundException(exception, headers, status, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException exception) {
        return withViolations(HttpStatus.BAD_REQUEST, exception.violations());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException exception) {
        return withViolations(HttpStatus.BAD_REQUEST, exception.getConstraintViolations().stream()
                .map(v -> new Violation(leafName(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, exception.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException exception) {
        if (exception.field() != null) {
            ProblemDetail problem = withViolations(HttpStatus.CONFLICT, List.of(new Violation(exception.field(), exception.detail())));
            problem.setTitle("Conflict");
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException exception) {
        return withViolations(HttpStatus.BAD_REQUEST, List.of(new Violation("sort",
                "cannot sort by '" + exception.getPropertyName() + "'")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail duplicate(DataIntegrityViolationException exception) {
        log.info("Refused a write that breaks a database constraint: {}", exception.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This clashes with a record that already exists (another request may have created it at the same time).");
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same time; reload and try again.");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable: {}", exception.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).body(DatabaseUnavailable.problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your groups do not allow this request.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Log in with your user name and password.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseUnavailable.causedBy(exception)) {
            return databaseUnavailable(exception); // the engine and JPA wrap a lost connection in exceptions of their own
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; the operators can find it in the log under reference " + reference + ".");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        exception.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new Violation(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(withViolations(HttpStatus.BAD_REQUEST, violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Violation(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(withViolations(HttpStatus.BAD_REQUEST, violations));
    }

    /** A path or query parameter of the wrong type ({@code ?status=LATE}, {@code /engagements/abc}): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        Class<?> type = exception.getRequiredType();
        String expected = type == null ? "of another type"
                : type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                : "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.badRequest().body(withViolations(HttpStatus.BAD_REQUEST, List.of(new Violation(name,
                "'" + exception.getValue() + "' is not " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation;
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            violation = new Violation(field, "has a value of the wrong type or format");
        } else if (exception.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
            violation = new Violation("body", "is not well-formed JSON (line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ")");
        } else {
            violation = new Violation("body", "is missing or not readable as JSON");
        }
        return ResponseEntity.badRequest().body(withViolations(HttpStatus.BAD_REQUEST, List.of(violation)));
    }

    /** The violations in reading order (line 2 before line 10), the first {@value InvalidInputException#LISTED} of them, and their count. */
    private static ProblemDetail withViolations(HttpStatus status, List<Violation> violations) {
        List<Violation> listed = violations.stream().sorted(Comparator.comparing(Violation::field, ProblemDetailsAdvice::byLine))
                .limit(InvalidInputException.LISTED).toList();
        String detail = listed.stream().map(v -> FieldNames.inWords(v.field(), java.util.Map.of()) + ": " + v.message())
                .collect(Collectors.joining("; "));
        if (violations.size() > listed.size()) {
            detail = violations.size() + " problems; the first " + listed.size() + " are listed. " + detail;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", listed);
        problem.setProperty("errorCount", violations.size());
        return problem;
    }

    /** Fields compare as text, except that a line number compares as a number ("line 9" before "line 10"). */
    private static int byLine(String a, String b) {
        java.util.regex.Matcher lineA = LINE.matcher(a);
        java.util.regex.Matcher lineB = LINE.matcher(b);
        if (lineA.find() && lineB.find()) {
            int byPrefix = a.substring(0, lineA.start()).compareTo(b.substring(0, lineB.start()));
            if (byPrefix != 0) {
                return byPrefix;
            }
            int byNumber = Long.compare(Long.parseLong(lineA.group(1)), Long.parseLong(lineB.group(1)));
            return byNumber != 0 ? byNumber : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line (\\d{1,18})$");

    private static String leafName(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
