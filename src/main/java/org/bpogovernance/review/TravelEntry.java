package org.bpogovernance.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One person's travel to an on-site review call, recorded with the call. */
@Entity
@Table(name = "review_travel")
public class TravelEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "review_id", nullable = false)
    @JsonIgnore
    private Long reviewId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(nullable = false)
    private BigDecimal hours;

    @Column(nullable = false)
    private BigDecimal cost;

    protected TravelEntry() {
    }

    TravelEntry(Long reviewId, String userId, BigDecimal hours, BigDecimal cost) {
        this.reviewId = reviewId;
        this.userId = userId;
        this.hours = hours;
        this.cost = cost;
    }

    public String getUserId() {
        return userId;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public BigDecimal getCost() {
        return cost;
    }
}
