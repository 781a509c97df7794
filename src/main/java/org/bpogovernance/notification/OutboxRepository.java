package org.bpogovernance.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends Repository<OutboxEntry, Long> {

    OutboxEntry save(OutboxEntry entry);

    Optional<OutboxEntry> findById(Long id);

    boolean existsByDedupKey(String dedupKey);

    long countByStatus(OutboxEntry.Status status);

    Page<OutboxEntry> findByStatusOrderByIdDesc(OutboxEntry.Status status, Pageable pageable);

    Page<OutboxEntry> findAllByOrderByIdDesc(Pageable pageable);

    Page<OutboxEntry> findByEngagementIdOrderByIdDesc(Long engagementId, Pageable pageable);

    /** Entries due now: pending ones whose time has come, and claims a crashed sender left behind. */
    @Query("""
            select e.id from OutboxEntry e
            where (e.status = org.bpogovernance.notification.OutboxEntry.Status.PENDING and e.nextAttemptAt <= :now)
               or (e.status = org.bpogovernance.notification.OutboxEntry.Status.SENDING and e.claimedUntil < :now)
            order by e.id
            """)
    List<Long> findDue(@Param("now") Instant now, Pageable pageable);

    /** Claims one entry for this sender; 0 when another sender (or node) was quicker. */
    @Modifying
    @Query("""
            update OutboxEntry e set e.status = org.bpogovernance.notification.OutboxEntry.Status.SENDING,
                   e.claimedUntil = :until, e.claimedBy = :node, e.claimedInRun = :run, e.attempts = e.attempts + 1
            where e.id = :id
              and ((e.status = org.bpogovernance.notification.OutboxEntry.Status.PENDING and e.nextAttemptAt <= :now)
                or (e.status = org.bpogovernance.notification.OutboxEntry.Status.SENDING and e.claimedUntil < :now))
            """)
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until,
            @Param("node") String node, @Param("run") String run);

    /** Makes the claims an earlier run of this node left when it stopped due again, without waiting for them to expire. */
    @Modifying
    @Query("""
            update OutboxEntry e set e.status = org.bpogovernance.notification.OutboxEntry.Status.PENDING,
                   e.nextAttemptAt = :now, e.claimedUntil = null, e.claimedBy = null, e.claimedInRun = null
            where e.status = org.bpogovernance.notification.OutboxEntry.Status.SENDING
              and e.claimedBy = :node and e.claimedInRun <> :run
            """)
    int takeBackEarlierClaims(@Param("node") String node, @Param("run") String run, @Param("now") Instant now);

    @Modifying
    @Query("""
            update OutboxEntry e set e.status = org.bpogovernance.notification.OutboxEntry.Status.SENT,
                   e.sentAt = :now, e.claimedUntil = null, e.lastError = null
            where e.id = :id and e.claimedInRun = :run
            """)
    int markSent(@Param("id") Long id, @Param("run") String run, @Param("now") Instant now);

    @Modifying
    @Query("""
            update OutboxEntry e set e.status = :status, e.nextAttemptAt = :next, e.claimedUntil = null,
                   e.lastError = :error
            where e.id = :id and e.claimedInRun = :run
            """)
    int markFailedAttempt(@Param("id") Long id, @Param("run") String run, @Param("status") OutboxEntry.Status status,
            @Param("next") Instant next, @Param("error") String error);

    @Modifying(clearAutomatically = true)
    @Query("""
            update OutboxEntry e set e.status = org.bpogovernance.notification.OutboxEntry.Status.PENDING,
                   e.nextAttemptAt = :now, e.attempts = 0
            where e.id = :id and e.status = org.bpogovernance.notification.OutboxEntry.Status.FAILED
            """)
    int retry(@Param("id") Long id, @Param("now") Instant now);

    /** Withdraws the engagement's unsent mails of these kinds. */
    @Modifying
    @Query("""
            delete from OutboxEntry e
            where e.engagementId = :engagementId and e.kind in :kinds
              and e.status in (org.bpogovernance.notification.OutboxEntry.Status.PENDING,
                               org.bpogovernance.notification.OutboxEntry.Status.UNDELIVERABLE)
            """)
    int withdraw(@Param("engagementId") Long engagementId, @Param("kinds") Collection<String> kinds);
}
