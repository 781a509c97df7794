package org.bpogovernance.servicelevel;

import java.util.List;
import org.springframework.data.repository.Repository;

interface MetricVersionRepository extends Repository<MetricVersion, Long> {

    MetricVersion save(MetricVersion version);

    List<MetricVersion> findByMetricIdOrderByVersionDesc(Long metricId);

    List<MetricVersion> findByMetricIdInOrderByVersionDesc(List<Long> metricIds);
}
