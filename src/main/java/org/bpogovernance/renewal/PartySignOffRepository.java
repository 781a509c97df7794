package org.bpogovernance.renewal;

import java.util.List;
import org.springframework.data.repository.Repository;

interface PartySignOffRepository extends Repository<PartySignOff, Long> {

    PartySignOff save(PartySignOff signOff);

    List<PartySignOff> findByEngagementIdAndSubjectOrderByIdAsc(Long engagementId, PartySignOff.Subject subject);

    boolean existsByEngagementIdAndSubjectAndRoundAndSide(Long engagementId, PartySignOff.Subject subject, int round,
            org.bpogovernance.engagement.Side side);
}
