package org.bpogovernance.improvement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeAssessmentRepository extends JpaRepository<InitiativeAssessment, Long> {

    List<InitiativeAssessment> findByInitiativeIdOrderByIdAsc(Long initiativeId);
}
