package org.bpogovernance.servicelevel;

import org.springframework.data.repository.Repository;

interface PerformanceDataRequestRepository extends Repository<PerformanceDataRequest, Long> {

    PerformanceDataRequest save(PerformanceDataRequest request);

    boolean existsByEngagementIdAndPeriod(Long engagementId, String period);
}
