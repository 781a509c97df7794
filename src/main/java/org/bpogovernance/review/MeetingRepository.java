package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MeetingRepository extends Repository<Meeting, Long> {

    Meeting save(Meeting meeting);

    Optional<Meeting> findByIdAndEngagementId(Long id, Long engagementId);

    List<Meeting> findByEngagementIdOrderByStartsAtAsc(Long engagementId);

    Optional<Meeting> findFirstByEngagementIdAndKindAndStatus(Long engagementId, Meeting.Kind kind, Meeting.Status status);
}
