package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The one place that reaches into the engine's internals.
 *
 * <p>Camunda wraps whatever a task listener throws in a plain {@link ProcessEngineException}
 * (ENGINE-03051), which {@code /engine-rest} and Tasklist answer with 500. Our listeners refuse
 * bad form input with {@link BadUserRequestException} (see {@link UserInput}); this interceptor
 * sits outside the transaction, so once the command has rolled back it rethrows that cause,
 * and every client sees a 400 with the message naming the field.
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
                BadUserRequestException userInput = userInputCause(failure);
                throw userInput != null && userInput != failure ? userInput : failure;
            }
        }

        private static BadUserRequestException userInputCause(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException badInput) {
                    return badInput;
                }
                if (cause.getCause() == cause) {
                    return null;
                }
            }
            return null;
        }
    }
}
