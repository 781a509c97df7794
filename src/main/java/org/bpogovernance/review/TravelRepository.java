package org.bpogovernance.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TravelRepository extends JpaRepository<TravelEntry, Long> {

    List<TravelEntry> findByReviewIdOrderByIdAsc(Long reviewId);
}
