package org.bpogovernance.partnership;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface RelationshipSurveyRepository extends JpaRepository<RelationshipSurvey, Long> {

    List<RelationshipSurvey> findByEngagementIdOrderByRoundNumberAsc(Long engagementId);

    List<RelationshipSurvey> findByEngagementIdAndStatus(Long engagementId, RelationshipSurvey.Status status);

    List<RelationshipSurvey> findByEngagementIdInAndStatusOrderByRoundNumberAsc(Collection<Long> engagementIds,
            RelationshipSurvey.Status status);

    Optional<RelationshipSurvey> findTopByEngagementIdOrderByRoundNumberDesc(Long engagementId);

    /** Engagements whose last closed round found the relationship at risk. */
    @Query("select s.engagementId from RelationshipSurvey s where s.status = 'CLOSED' and s.atRisk = true"
            + " and s.roundNumber = (select max(t.roundNumber) from RelationshipSurvey t"
            + " where t.engagementId = s.engagementId and t.status = 'CLOSED')")
    Set<Long> engagementsAtRisk();
}
