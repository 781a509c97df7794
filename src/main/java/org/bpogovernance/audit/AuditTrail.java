package org.bpogovernance.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bpogovernance.platform.RunningProcess;
import org.bpogovernance.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records changes in the transaction that makes them, so a rolled-back change leaves no entry. */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(AuditRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Must join the caller's transaction: an audit entry exists exactly when its change does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String entityType, Object entityId, String action, String details) {
        return recordFor(RunningProcess.instanceId().orElse(null), entityType, entityId, action, details);
    }

    /** Records a change made for a process instance started just now, outside it (the instance cannot tell itself). */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordFor(String processInstanceId, String entityType, Object entityId, String action, String details) {
        return repository.save(new AuditEntry(Instant.now(clock), currentUser.idOrSystem(),
                entityType, String.valueOf(entityId), action, details, processInstanceId));
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> of(String entityType, Object entityId, Pageable pageable) {
        return repository.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, String.valueOf(entityId), pageable);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> latest(String entityType, Pageable pageable) {
        return entityType == null
                ? repository.findAllByOrderByIdDesc(pageable)
                : repository.findByEntityTypeOrderByIdDesc(entityType, pageable);
    }

    /** The entity's entries of the given actions, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> of(String entityType, Object entityId, Collection<String> actions) {
        return repository.findByEntityTypeAndEntityIdAndActionInOrderByIdAsc(entityType, String.valueOf(entityId), actions);
    }
}
