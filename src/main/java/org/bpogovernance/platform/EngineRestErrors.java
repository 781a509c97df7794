package org.bpogovernance.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} answers two kinds of client error with 500: input a process step refused
 * when it arrives other than as a form ({@code POST .../start}), and a task that no longer exists
 * (completed twice). This mapper answers them 400 and 404, with Camunda's own error body, and
 * leaves every other error to Camunda.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RefusedInputMapper.class);
    }

    @Priority(1)
    static class RefusedInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof RefusedUserInput refused) {
                    return camunda.toResponse(new InvalidRequestException(Response.Status.BAD_REQUEST, refused.getMessage()));
                }
                if (cause instanceof NotFoundException || cause instanceof NullValueException
                        && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                    return camunda.toResponse(new InvalidRequestException(Response.Status.NOT_FOUND, exception.getMessage()));
                }
            }
            return camunda.toResponse(exception);
        }
    }
}
