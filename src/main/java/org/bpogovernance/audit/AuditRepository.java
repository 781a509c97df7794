package org.bpogovernance.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface AuditRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    Page<AuditEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId, Pageable pageable);

    List<AuditEntry> findByEntityTypeAndEntityIdAndActionInOrderByIdAsc(String entityType, String entityId,
            Collection<String> actions);

    Page<AuditEntry> findByEntityTypeOrderByIdDesc(String entityType, Pageable pageable);

    Page<AuditEntry> findAllByOrderByIdDesc(Pageable pageable);
}
