package org.bpogovernance.review;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface AgendaItemRepository extends Repository<AgendaItem, Long> {

    AgendaItem save(AgendaItem item);

    List<AgendaItem> findByReviewIdOrderByPositionAsc(Long reviewId);

    /** Deletes at once, so new items with the same positions can follow in the same transaction. */
    @Modifying(flushAutomatically = true)
    @Query("delete from AgendaItem a where a.reviewId = :reviewId")
    void deleteByReviewId(@Param("reviewId") Long reviewId);
}
