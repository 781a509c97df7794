package org.bpogovernance.servicelevel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MetricRepository extends Repository<ServiceMetric, Long> {

    ServiceMetric save(ServiceMetric metric);

    List<ServiceMetric> findByEngagementIdOrderByIdAsc(Long engagementId);

    Optional<ServiceMetric> findByEngagementIdAndCode(Long engagementId, String code);
}
