package org.bpogovernance.engagement;

import java.util.List;
import org.springframework.data.repository.Repository;

interface CharterSignOffRepository extends Repository<CharterSignOff, Long> {

    CharterSignOff saveAndFlush(CharterSignOff signOff);

    List<CharterSignOff> findByEngagementIdOrderByIdAsc(Long engagementId);

    List<CharterSignOff> findByEngagementIdAndRound(Long engagementId, int round);
}
