package org.bpogovernance.review;

import java.util.List;
import org.springframework.data.repository.Repository;

interface MinutesSignOffRepository extends Repository<MinutesSignOff, Long> {

    MinutesSignOff saveAndFlush(MinutesSignOff signOff);

    List<MinutesSignOff> findByReviewIdOrderByIdAsc(Long reviewId);

    List<MinutesSignOff> findByReviewIdAndRound(Long reviewId, int round);
}
