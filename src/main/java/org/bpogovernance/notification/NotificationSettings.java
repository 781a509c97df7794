package org.bpogovernance.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.notifications.*}: the sender address, how the outbox is polled and retried,
 * and when task reminders go out.
 */
@Validated
@ConfigurationProperties("governance.notifications")
public record NotificationSettings(
        @NotBlank @Email @DefaultValue("governance@bpo-governance.example") String from,
        @NotNull @DefaultValue("PT5S") Duration pollInterval,
        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,
        @Min(1) @Max(100) @DefaultValue("10") int maxAttempts,
        @NotNull @DefaultValue("PT30S") Duration retryInitialInterval,
        @NotNull @DefaultValue("PT30M") Duration retryMaxInterval,
        @NotNull @DefaultValue("PT5M") Duration claimTimeout,
        /**
         * This node's name on its outbox claims, so that after a crash it takes back its own at once;
         * each node of a cluster needs its own. Empty: the host name and server port.
         */
        @NotNull @Size(max = 200) @DefaultValue("") String nodeName,
        /** How long before a task's due date its assignee is reminded; one reminder per lead time. */
        @NotNull @DefaultValue({"P2D", "PT4H"}) List<Duration> reminderLeadTimes) {

    /** The wait before attempt {@code attempt + 1}: doubling from the initial interval, capped. */
    Duration backoffAfter(int attempt) {
        Duration wait = retryInitialInterval.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(retryMaxInterval) > 0 ? retryMaxInterval : wait;
    }
}
