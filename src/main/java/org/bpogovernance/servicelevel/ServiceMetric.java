package org.bpogovernance.servicelevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The identity of a KPI/SLA of one engagement; its definition lives in {@link MetricVersion}s. */
@Entity
@Table(name = "service_metric")
public class ServiceMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    /** Short, stable name used in CSV files and the API (for example {@code FTR} or {@code AHT}). */
    @Column(nullable = false)
    private String code;

    protected ServiceMetric() {
    }

    ServiceMetric(Long engagementId, String code) {
        this.engagementId = engagementId;
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getCode() {
        return code;
    }
}
