package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface AttendanceRepository extends Repository<Attendance, Long> {

    Attendance save(Attendance attendance);

    List<Attendance> findByReviewIdOrderByIdAsc(Long reviewId);

    Optional<Attendance> findByReviewIdAndUserId(Long reviewId, String userId);
}
