package org.bpogovernance.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * {@code /engine-rest} answers several client errors and outages with 500. These mappers answer,
 * in Camunda's own error body: input a process step refused outside a form ({@code POST .../start})
 * 400; a task completed a second time 409 saying when it was, an unknown task 404;
 * two people changing the same thing at once (an optimistic-locking failure, or a
 * unique constraint of the governance tables) 409; a database that cannot be reached (or no connection
 * free in time) 503; something the request names that does not exist 404; a value of the wrong
 * type, a required field left out, or a request the engine cannot carry out (its plain
 * exception) 400 in words, not Java's. Every other error stays Camunda's.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    /** The error type of a change that collided with another one made at the same moment. */
    private static final String CONCURRENT_CHANGE = "ConcurrentChange";

    private static final Pattern TASK_ID = Pattern.compile("(?i)Cannot find task with id ([^\\s:]+)");
    private static final Pattern DTO_GETTER = Pattern.compile("Dto\\.get([A-Za-z]+)\\(\\)");

    private final CompletedTasks completedTasks;

    EngineRestErrors(CompletedTasks completedTasks) {
        this.completedTasks = completedTasks;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new RestExceptions(this));
        config.register(new EngineExceptions(this));
        config.register(new TransactionFailures(this));
        config.register(new EngineStumbles(this));
        config.register(new UnreadableValues(this));
    }

    /** Camunda's answer to the failure, unless it is one of ours; null then. */
    Response answer(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseUnavailable.DETAIL)).build();
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RefusedUserInput refused) {
                return error(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage());
            }
            if (cause instanceof org.springframework.dao.DataIntegrityViolationException
                    || cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return error(Response.Status.CONFLICT, CONCURRENT_CHANGE,
                        "Someone else did this at the same moment; nothing was changed. Reload to see their change.");
            }
            if (cause instanceof OptimisticLockingException) {
                return error(Response.Status.CONFLICT, CONCURRENT_CHANGE,
                        "Someone else changed this at the same time; reload and try again.");
            }
            if (cause instanceof NotFoundException || cause instanceof NullValueException
                    && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                return taskGone(String.valueOf(cause.getMessage()), failure.getMessage());
            }
            if (cause instanceof NullValueException missing) {
                // "task x doesn't exist: task is null" names a missing thing; "processInstanceId is null" a missing value
                String message = String.valueOf(missing.getMessage());
                return message.contains("exist") || message.contains("not found") || message.startsWith("No ")
                        ? error(Response.Status.NOT_FOUND, "InvalidRequestException", message)
                        : error(Response.Status.BAD_REQUEST, "InvalidRequestException", message);
            }
            // a field the request left out, met by Camunda's REST layer as a null (PUT /job/{id}/retries {})
            if (cause instanceof NullPointerException npe && String.valueOf(npe.getMessage()).contains(".rest.dto.")) {
                Matcher getter = DTO_GETTER.matcher(npe.getMessage());
                return error(Response.Status.BAD_REQUEST, "InvalidRequestException", getter.find()
                        ? "'" + Character.toLowerCase(getter.group(1).charAt(0)) + getter.group(1).substring(1)
                                + "' is required; nothing was changed."
                        : "A required value is missing from the request; nothing was changed.");
            }
            if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException wrongValue) {
                String field = wrongValue.getPath().isEmpty() ? "a value"
                        : "'" + wrongValue.getPath().get(wrongValue.getPath().size() - 1).getFieldName() + "'";
                return error(Response.Status.BAD_REQUEST, "InvalidRequestException", field + ": '" + wrongValue.getValue()
                        + "' is not a valid " + wrongValue.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                        + "; nothing was changed.");
            }
        }
        if (failure.getClass() == ProcessEngineException.class && !causedByTheDatabase(failure) && !aBug(failure)) {
            // the engine's plain exception is what it throws for a request it cannot carry out
            // (a task of a running process deleted, a value of the wrong type): the asker's to fix
            return error(Response.Status.BAD_REQUEST, "InvalidRequestException", plain(failure));
        }
        return null;
    }

    /** An unexpected exception under the engine's (a step of ours failing): a server error, not the asker's. */
    private static boolean aBug(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RuntimeException && !(cause instanceof ProcessEngineException)
                    && !(cause instanceof ClassCastException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof org.apache.ibatis.exceptions.PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's message, without Java's words for a wrong type. */
    private static String plain(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ClassCastException) {
                return "A value in the request has the wrong type for what it is used for; nothing was changed.";
            }
        }
        return failure.getMessage();
    }

    private Response taskGone(String engineMessage, String message) {
        Matcher taskId = TASK_ID.matcher(engineMessage);
        if (taskId.find()) {
            var completedAt = completedTasks.completedAt(taskId.group(1));
            if (completedAt.isPresent()) {
                return error(Response.Status.CONFLICT, CompletedTasks.TYPE, CompletedTasks.message(completedAt.get()));
            }
        }
        return error(Response.Status.NOT_FOUND, "InvalidRequestException", message);
    }

    private static Response error(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    /** Our answer where {@link #answer} has one, Camunda's otherwise. */
    abstract static class OursOrCamunda<T extends Throwable> {

        private final EngineRestErrors errors;

        OursOrCamunda(EngineRestErrors errors) {
            this.errors = errors;
        }

        public Response toResponse(T exception) {
            Response ours = errors.answer(exception);
            return ours != null ? ours : camunda(exception);
        }

        abstract Response camunda(T exception);
    }

    @Priority(1)
    static class RestExceptions extends OursOrCamunda<RestException> implements ExceptionMapper<RestException> {

        RestExceptions(EngineRestErrors errors) {
            super(errors);
        }

        @Override
        Response camunda(RestException exception) {
            return new RestExceptionHandler().toResponse(exception);
        }
    }

    @Priority(1)
    static class EngineExceptions extends OursOrCamunda<ProcessEngineException> implements ExceptionMapper<ProcessEngineException> {

        EngineExceptions(EngineRestErrors errors) {
            super(errors);
        }

        @Override
        Response camunda(ProcessEngineException exception) {
            return new ProcessEngineExceptionHandler().toResponse(exception);
        }
    }

    /** A NullPointerException under Camunda's REST layer: ours when it is a field the request left out, Camunda's otherwise. */
    @Priority(1)
    static class EngineStumbles extends OursOrCamunda<NullPointerException> implements ExceptionMapper<NullPointerException> {

        EngineStumbles(EngineRestErrors errors) {
            super(errors);
        }

        @Override
        Response camunda(NullPointerException exception) {
            return new ExceptionHandler().toResponse(exception);
        }
    }

    /** A value Jackson could not read as the type a field needs: Camunda answers it in Java's words. */
    @Priority(1)
    static class UnreadableValues extends OursOrCamunda<com.fasterxml.jackson.databind.exc.InvalidFormatException>
            implements ExceptionMapper<com.fasterxml.jackson.databind.exc.InvalidFormatException> {

        UnreadableValues(EngineRestErrors errors) {
            super(errors);
        }

        @Override
        Response camunda(com.fasterxml.jackson.databind.exc.InvalidFormatException exception) {
            return new ExceptionHandler().toResponse(exception);
        }
    }

    /** The engine's transaction could not even begin (no connection): not a ProcessEngineException, so not Camunda's. */
    @Priority(1)
    static class TransactionFailures extends OursOrCamunda<TransactionException> implements ExceptionMapper<TransactionException> {

        TransactionFailures(EngineRestErrors errors) {
            super(errors);
        }

        @Override
        Response camunda(TransactionException exception) {
            return new ExceptionHandler().toResponse(exception);
        }
    }
}
