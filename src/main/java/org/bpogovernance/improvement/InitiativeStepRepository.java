package org.bpogovernance.improvement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeStepRepository extends JpaRepository<InitiativeStep, Long> {

    List<InitiativeStep> findByInitiativeIdOrderByIdAsc(Long initiativeId);
}
