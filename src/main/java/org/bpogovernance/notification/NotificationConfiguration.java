package org.bpogovernance.notification;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox sender runs on Spring's scheduler and on a thread of its own after commits. Its
 * own: Spring Boot's {@code applicationTaskExecutor} does not exist when Camunda's job executor
 * brings an executor of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    static final String OUTBOX_EXECUTOR = "outboxExecutor";

    /** One thread; a wake-up while it is busy is remembered by the sender, so a full queue loses nothing. */
    @Bean(name = OUTBOX_EXECUTOR, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor outboxExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("outbox-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(16);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
