package org.bpogovernance.renewal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ExitItemRepository extends Repository<ExitItem, Long> {

    ExitItem save(ExitItem item);

    Optional<ExitItem> findById(Long id);

    Optional<ExitItem> findByIdAndEngagementId(Long id, Long engagementId);

    List<ExitItem> findByEngagementIdOrderByIdAsc(Long engagementId);
}
