package org.bpogovernance.action;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ActionItemRepository extends Repository<ActionItem, Long> {

    ActionItem save(ActionItem item);

    void delete(ActionItem item);

    Optional<ActionItem> findById(Long id);

    Optional<ActionItem> findByIdAndEngagementId(Long id, Long engagementId);

    List<ActionItem> findByReviewIdOrderByIdAsc(Long reviewId);

    List<ActionItem> findByEngagementIdOrderByDueDateAscIdAsc(Long engagementId);

    List<ActionItem> findByEngagementIdAndStatusInOrderByDueDateAscIdAsc(Long engagementId, Collection<ActionItem.Status> statuses);
}
