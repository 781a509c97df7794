package org.bpogovernance.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tests run without the job executor, so that each test decides when a timer fires. The jobs that
 * mark the models' transaction boundaries (asynchronous continuations: message jobs, due at once)
 * are run here as the job executor would run them: right after the transaction that created them
 * commits, one at a time, on a thread of their own without the caller's login. A failing job loses
 * a retry each time and becomes an incident at the last, as in production.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "false")
class AsyncContinuationsRunAtOnce extends AbstractProcessEnginePlugin {

    private static final ExecutorService JOB_THREAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-async-continuations");
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<Boolean> ON_JOB_THREAD = ThreadLocal.withInitial(() -> false);
    private static final String REGISTERED = AsyncContinuationsRunAtOnce.class.getName();
    private static final Logger log = LoggerFactory.getLogger(AsyncContinuationsRunAtOnce.class);

    private volatile ManagementService managementService;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new AfterEachCommand());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        managementService = processEngine.getManagementService();
    }

    private final class AfterEachCommand extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null && !ON_JOB_THREAD.get();
            T result = next.execute(command);
            if (outermost && !(command instanceof AbstractQuery<?, ?>) && managementService != null) {
                runOnceCommitted();
            }
            return result;
        }
    }

    private void runOnceCommitted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            runDueContinuations();
        } else if (!TransactionSynchronizationManager.hasResource(REGISTERED)) {
            TransactionSynchronizationManager.bindResource(REGISTERED, true);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(REGISTERED);
                    if (status == STATUS_COMMITTED) {
                        runDueContinuations();
                    }
                }
            });
        }
    }

    private void runDueContinuations() {
        try {
            JOB_THREAD.submit(() -> {
                ON_JOB_THREAD.set(true);
                Set<String> tried = new HashSet<>();
                for (List<Job> due = due(tried); !due.isEmpty(); due = due(tried)) {
                    for (Job job : due) {
                        tried.add(job.getId());
                        try {
                            managementService.executeJob(job.getId());
                            tried.remove(job.getId());
                        } catch (RuntimeException failure) {
                            log.info("Job {} at {} failed: {}", job.getId(), job.getProcessInstanceId(), failure.getMessage());
                        }
                    }
                }
            }).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException failure) {
            throw new IllegalStateException(failure.getCause());
        }
    }

    private List<Job> due(Set<String> tried) {
        return managementService.createJobQuery().messages().executable().list().stream()
                .filter(job -> !tried.contains(job.getId())).toList();
    }
}
