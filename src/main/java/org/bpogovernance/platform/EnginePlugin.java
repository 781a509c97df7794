package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The one place that reaches into the engine's internals.
 *
 * <p>Camunda wraps whatever a task listener throws in a plain {@link ProcessEngineException}
 * (ENGINE-03051), and its REST resources (those of {@code /engine-rest} and of Tasklist) answer
 * 400 to a form submission only for a {@link FormFieldValidationException}, 500 for anything
 * else. Our steps refuse bad input with {@link RefusedUserInput} (see {@link UserInput}); this
 * interceptor sits outside the transaction, so once the command has rolled back it rethrows
 * that refusal as the engine's own form validation error, naming the field.
 */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new UserInputErrorInterceptor());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    static final class UserInputErrorInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException failure) {
                if (failure instanceof FormFieldValidationException) {
                    throw failure;
                }
                RefusedUserInput refused = refusal(failure);
                throw refused == null ? failure : new FormFieldValidationException(null, refused.getMessage(), refused);
            }
        }

        private static RefusedUserInput refusal(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RefusedUserInput refused) {
                    return refused;
                }
                if (cause.getCause() == cause) {
                    return null;
                }
            }
            return null;
        }
    }
}
