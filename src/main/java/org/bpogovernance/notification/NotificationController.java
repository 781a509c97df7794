package org.bpogovernance.notification;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.Paging;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the outbox, for officers to see what was sent, what is waiting
 * and what failed (and to retry it); {@code /api/me/notification-preferences} for everyone.
 */
@RestController
@Tag(name = "Notifications", description = "The mail outbox for governance officers (sent, waiting, failed; retry), and your own notification preferences.")
class NotificationController {

    record Preferences(@NotNull Boolean remindersEnabled) {
    }

    private final OutboxRepository outbox;
    private final PreferenceRepository preferences;
    private final OutboxSender sender;
    private final Clock clock;

    NotificationController(OutboxRepository outbox, PreferenceRepository preferences, OutboxSender sender, Clock clock) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.sender = sender;
        this.clock = clock;
    }

    @GetMapping("/api/notifications")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    @Transactional(readOnly = true)
    PagedModel<OutboxEntry> list(@RequestParam(required = false) OutboxEntry.Status status,
            @RequestParam(required = false) Long engagementId, @PageableDefault(size = 50) Pageable pageable) {
        Paging.sortableBy(pageable, Set.of());
        if (status != null) {
            return new PagedModel<>(outbox.findByStatusOrderByIdDesc(status, pageable));
        }
        return new PagedModel<>(engagementId != null ? outbox.findByEngagementIdOrderByIdDesc(engagementId, pageable)
                : outbox.findAllByOrderByIdDesc(pageable));
    }

    @GetMapping("/api/notifications/{id}")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    @Transactional(readOnly = true)
    OutboxEntry get(@PathVariable Long id) {
        return outbox.findById(id).orElseThrow(() -> new NotFoundException("notification", id));
    }

    /** Sends a FAILED notification again (after fixing the address or the mail server). */
    @PostMapping("/api/notifications/{id}/retry")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    @Transactional
    OutboxEntry retry(@PathVariable Long id) {
        OutboxEntry entry = get(id);
        if (entry.getStatus() != OutboxEntry.Status.FAILED || outbox.retry(id, Instant.now(clock)) != 1) {
            throw new ConflictException("notification " + id + " is " + entry.getStatus() + "; only FAILED ones are retried");
        }
        sender.wakeUp();
        return get(id);
    }

    @GetMapping("/api/me/notification-preferences")
    Preferences preferences(Authentication user) {
        return new Preferences(preferences.findById(user.getName()).map(NotificationPreference::remindersEnabled)
                .orElse(true));
    }

    /** Switches reminder and overdue mails off or on; task assignments and escalations always go out. */
    @PutMapping("/api/me/notification-preferences")
    @Transactional
    Preferences change(Authentication user, @Valid @RequestBody Preferences change) {
        preferences.save(new NotificationPreference(user.getName(), change.remindersEnabled(), Instant.now(clock)));
        return change;
    }
}
