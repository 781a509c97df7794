package org.bpogovernance.servicelevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** That the provider was asked for an engagement's data of a period: at most once per period. */
@Entity
@Table(name = "performance_data_request")
class PerformanceDataRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(nullable = false)
    private String period;

    @Column(name = "requested_of", nullable = false)
    private String requestedOf;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected PerformanceDataRequest() {
    }

    PerformanceDataRequest(Long engagementId, String period, String requestedOf, Instant requestedAt) {
        this.engagementId = engagementId;
        this.period = period;
        this.requestedOf = requestedOf;
        this.requestedAt = requestedAt;
    }
}
