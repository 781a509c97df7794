package org.bpogovernance.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface EngagementRepository extends Repository<Engagement, Long> {

    Engagement save(Engagement engagement);

    Optional<Engagement> findById(Long id);

    List<Engagement> findAll();

    Optional<Engagement> findByContractReference(String contractReference);

    /** Null parameters do not filter; a non-null stakeholder restricts to that person's engagements. */
    @Query("""
            select e from Engagement e
            where (:phase is null or e.phase = :phase)
              and (:client is null or lower(e.client) like :client)
              and (:provider is null or lower(e.provider) like :provider)
              and (:stakeholder is null or exists (
                    select s.id from Stakeholder s where s.engagementId = e.id and s.userId = :stakeholder))
            """)
    Page<Engagement> search(@Param("phase") Phase phase, @Param("client") String clientPattern,
            @Param("provider") String providerPattern, @Param("stakeholder") String stakeholder, Pageable pageable);

    /** Engagements not closed, by name; a non-null stakeholder restricts to that person's engagements. */
    @Query("""
            select e from Engagement e
            where e.phase <> org.bpogovernance.engagement.Phase.CLOSED
              and (:stakeholder is null or exists (
                    select s.id from Stakeholder s where s.engagementId = e.id and s.userId = :stakeholder))
            order by e.name, e.id
            """)
    List<Engagement> findOpen(@Param("stakeholder") String stakeholder, Pageable pageable);
}
