package org.bpogovernance.action;

import java.util.List;
import org.springframework.data.repository.Repository;

interface DueDateChangeRepository extends Repository<DueDateChange, Long> {

    DueDateChange save(DueDateChange change);

    List<DueDateChange> findByActionItemIdOrderByIdAsc(Long actionItemId);
}
