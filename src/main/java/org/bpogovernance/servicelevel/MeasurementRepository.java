package org.bpogovernance.servicelevel;

import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

interface MeasurementRepository extends Repository<Measurement, Long> {

    List<Measurement> findByMetricIdInAndSupersededAtIsNullOrderByPeriodAscMetricIdAsc(Collection<Long> metricIds);

    List<Measurement> findByMetricIdInOrderByPeriodAscIdAsc(Collection<Long> metricIds);
}
