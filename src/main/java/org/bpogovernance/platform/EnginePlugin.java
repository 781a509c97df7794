package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that reaches into the engine's internals.
 *
 * <ul>
 * <li>Camunda wraps whatever a task listener throws in a plain {@link ProcessEngineException}
 * (ENGINE-03051), and its REST resources (those of {@code /engine-rest} and of Tasklist) answer
 * 400 to a form submission only for a {@link FormFieldValidationException}, 500 for anything
 * else. Our steps refuse bad input with {@link RefusedUserInput} (see {@link UserInput}); an
 * interceptor outside the transaction rethrows that refusal, once the command has rolled back,
 * as the engine's own form validation error, naming the field by the label its form shows
 * ({@link FormLabels}, read once the command has rolled back).</li>
 * <li>A deployed start form is handed to the {@link DeployedStartForms} before it is served, so
 * that a choice depending on the person (their engagements) can be written into it: Tasklist gives
 * a start form's Camunda Form no variables.</li>
 * <li>Camunda's password policy, on once the service has started.</li>
 * <li>Variables whose names begin with {@code anonymous} leave no history ({@link AnonymousVariablesLeaveNoHistory}).</li>
 * <li>Every process instance, of any model, is reported to the {@link ProcessInstanceListener}s
 * when it starts and ends (the engagement-scoped grants hang on it).</li>
 * <li>Commands whose results Camunda does not limit to the instances a person may read, or that
 * skip a model's own checks, are refused to everyone who does not see the whole portfolio:
 * starting a process at a chosen activity, running a job by hand, the process-definition
 * and deployment statistics (live instance counts of every engagement), setting a task's or
 * process's variables or its candidates outside a form, and completing a task with the variables
 * that scope and route a process.</li>
 * </ul>
 */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcessInstanceListener> processInstanceListeners;
    private final ObjectProvider<PortfolioAccess> portfolioAccess;
    private final ObjectProvider<FormLabels> formLabels;
    private final ObjectProvider<DeployedStartForms> startForms;

    EnginePlugin(ObjectProvider<ProcessInstanceListener> processInstanceListeners,
            ObjectProvider<PortfolioAccess> portfolioAccess, ObjectProvider<FormLabels> formLabels,
            ObjectProvider<DeployedStartForms> startForms) {
        this.processInstanceListeners = processInstanceListeners;
        this.portfolioAccess = portfolioAccess;
        this.formLabels = formLabels;
        this.startForms = startForms;
    }

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withOurs(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withOurs(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new EveryProcessInstance(processInstanceListeners));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> historyHandlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        historyHandlers.add(0, new AnonymousVariablesLeaveNoHistory(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(historyHandlers);
    }

    /**
     * The engine's own history, except for variables and submitted form fields whose names begin
     * with {@value #ANONYMOUS}: answers given without a name (the relationship survey's) leave no
     * trace in the history tables, where the task's assignee would put a name to them.
     */
    static final class AnonymousVariablesLeaveNoHistory implements HistoryEventHandler {

        static final String ANONYMOUS = "anonymous";

        private final HistoryEventHandler database;

        AnonymousVariablesLeaveNoHistory(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!anonymous(event)) {
                database.handleEvent(event);
            }
        }

        /** A variable's value, or a form field as Tasklist submitted it, whose name marks it anonymous. */
        static boolean anonymous(HistoryEvent event) {
            String name = event instanceof HistoricVariableUpdateEventEntity variable ? variable.getVariableName()
                    : event instanceof HistoricFormPropertyEventEntity formField ? formField.getPropertyId() : null;
            return name != null && name.startsWith(ANONYMOUS);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    /**
     * Camunda's password policy (at least 10 characters with upper and lower case, a digit and a
     * special character, not the user's own name) for every password set from now on, in Admin,
     * through {@code /engine-rest} or by a person changing theirs. Switched on once the service has
     * started: the first administrator and the demo users, seeded at start-up with the passwords
     * the README documents, predate it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void enforcePasswordPolicy() {
        if (configuration.getPasswordPolicy() == null) {
            configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
        }
        configuration.setEnablePasswordPolicy(true);
    }

    private List<CommandInterceptor> withOurs(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new UserInputErrorInterceptor(formLabels));
        interceptors.add(new PortfolioOnlyCommands(portfolioAccess));
        interceptors.add(new StartFormsForThePerson(startForms));
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    static final class UserInputErrorInterceptor extends CommandInterceptor {

        private final ObjectProvider<FormLabels> formLabels;

        UserInputErrorInterceptor(ObjectProvider<FormLabels> formLabels) {
            this.formLabels = formLabels;
        }

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException failure) {
                if (failure instanceof FormFieldValidationException) {
                    throw failure;
                }
                RefusedUserInput refused = refusal(failure);
                if (refused == null) {
                    throw failure;
                }
                RefusedUserInput inWords = new RefusedUserInput(
                        FieldNames.refusal(refused.getCause() == null ? refused : refused.getCause(), labels(command)),
                        refused.getCause());
                throw new FormFieldValidationException(null, inWords.getMessage(), inWords);
            }
        }

        /** The labels of the form the person submitted (none for other commands), read once the command has rolled back. */
        private java.util.Map<String, String> labels(Command<?> command) {
            FormLabels labels = formLabels.getIfAvailable();
            if (labels == null) {
                return java.util.Map.of();
            }
            try {
                if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
                    Object taskId = fieldValue(command, "taskId");
                    return taskId == null ? java.util.Map.of() : labels.ofTask(taskId.toString());
                }
                if (command instanceof SubmitStartFormCmd) {
                    Object definitionId = fieldValue(command, "processDefinitionId");
                    return definitionId == null ? java.util.Map.of() : labels.ofStartForm(definitionId.toString());
                }
            } catch (RuntimeException unknown) {
                // no labels: the fields' names in words
            }
            return java.util.Map.of();
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

    /** A deployed start form, as the {@link DeployedStartForms} fill it in for the person who opens it. */
    static final class StartFormsForThePerson extends CommandInterceptor {

        private final ObjectProvider<DeployedStartForms> startForms;

        StartFormsForThePerson(ObjectProvider<DeployedStartForms> startForms) {
            this.startForms = startForms;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (!(command instanceof GetDeployedStartFormCmd) || !(result instanceof java.io.InputStream deployed)) {
                return result;
            }
            try (deployed) {
                String form = new String(deployed.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (DeployedStartForms adapter : startForms.orderedStream().toList()) {
                    form = adapter.forPerson(form);
                }
                return (T) new java.io.ByteArrayInputStream(form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException unreadable) {
                throw new ProcessEngineException("The start form could not be read", unreadable);
            }
        }
    }

    static final class PortfolioOnlyCommands extends CommandInterceptor {

        // The engine checks a job run by hand only inside the run and then counts the refusal as a
        // failed attempt: anyone could use up another engagement's retries. Refused up front here.
        private static final Set<Class<?>> PORTFOLIO_ONLY = Set.of(StartProcessInstanceAtActivitiesCmd.class,
                ProcessDefinitionStatisticsQueryImpl.class, DeploymentStatisticsQueryImpl.class, ExecuteJobsCmd.class);

        /** Variables that scope and route a process: set by its steps, never by a form. */
        private static final Set<String> PROCESS_ROUTING = Set.of("engagementId", "engagementName", "governanceOfficer",
                "clientSigner", "providerSigner", "signer", "escalationId", "escalationResponders", "escalationGroups",
                "renewalDeciders", "actionOwner", "invitee", "performanceDataProvider", "initiativeId", "clientAssessor",
                "providerAssessor", "initiativeTier", "initiativeDeciders", "initiativeDecision", "pilotOwner",
                "benefitsReviewDue", "revisitDue", "benefitsOutcome", "surveyId", "surveyRespondents", "surveyRespondent",
                "surveyClosesAt", "relationshipAtRisk", "invitees", "attendanceDeadline", "callStartsAt", "quorumReached",
                "timeByPoll", "pollId", "pollRespondents", "pollRespondent", "pollClosesAt", "pollOutcome", "visitHost");

        private final ObjectProvider<PortfolioAccess> portfolioAccess;

        PortfolioOnlyCommands(ObjectProvider<PortfolioAccess> portfolioAccess) {
            this.portfolioAccess = portfolioAccess;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (changesWhatATaskDoesNotOffer(command) && !seesEverything()) {
                throw new AuthorizationException("A task is worked through its form: its variables and who it is offered "
                        + "to are changed by governance officers only.");
            }
            if (command instanceof FailedJobListener && !seesEverything()) {
                // the refused manual run below: the engine would count it as a failed attempt of the job
                return null;
            }
            if (PORTFOLIO_ONLY.contains(command.getClass())) {
                if (!seesEverything()) {
                    throw new AuthorizationException(EnginePlugin.refusal(command));
                }
            }
            return next.execute(command);
        }

        /**
         * Camunda lets a task's assignee and candidates (the engine's default task permission,
         * UPDATE) set any variable of its process and offer the task to anyone; through a
         * completion, too, any variable can be sent along. A person could so redirect their
         * engagement's later steps ({@code engagementId}, the signers) or share a task with
         * another engagement's people.
         */
        private static boolean changesWhatATaskDoesNotOffer(Command<?> command) {
            if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
                    || command instanceof AbstractPatchVariablesCmd || command instanceof AbstractAddIdentityLinkCmd
                    || command instanceof DeleteIdentityLinkCmd) {
                return true;
            }
            java.util.Map<String, ?> sent = command instanceof CompleteTaskCmd complete ? field(complete, "variables")
                    : command instanceof SubmitTaskFormCmd submit ? field(submit, "properties") : null;
            return sent != null && sent.keySet().stream().anyMatch(PROCESS_ROUTING::contains);
        }

        private boolean seesEverything() {
            PortfolioAccess access = portfolioAccess.getIfAvailable();
            return access == null || access.seesEverything();
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, ?> field(Object command, String name) {
        try {
            var field = command.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return (java.util.Map<String, ?>) field.get(command);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Object fieldValue(Object command, String name) {
        try {
            var field = command.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String refusal(Command<?> command) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            return "Starting a process at a chosen step is for governance officers; start it from its start form.";
        }
        if (command instanceof ExecuteJobsCmd) {
            return "Running a job by hand is for governance officers.";
        }
        return "Statistics over every engagement's processes are for governance officers.";
    }

    /** Adds a start and an end listener, built in so that no "skip listeners" option skips them, to every process. */
    static final class EveryProcessInstance extends AbstractBpmnParseListener {

        private final ObjectProvider<ProcessInstanceListener> listeners;

        EveryProcessInstance(ObjectProvider<ProcessInstanceListener> listeners) {
            this.listeners = listeners;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                    listeners.orderedStream().forEach(listener -> listener.started(execution)));
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                    listeners.orderedStream().forEach(listener -> listener.ended(execution)));
        }
    }
}
