package org.bpogovernance.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.bpogovernance.engagement.Side;

/**
 * One person's answer to a survey round, kept without the person: their side, the five ratings
 * (1 to 5), a comment and the day (not the time, which could tell who answered).
 */
@Entity
@Table(name = "survey_response")
class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private Long surveyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Side side;

    private int alignment;
    private int communication;
    private int partnership;
    private int innovation;
    private int governance;

    private String comment;

    @Column(name = "answered_on", nullable = false)
    private LocalDate answeredOn;

    protected SurveyResponse() {
    }

    SurveyResponse(Long surveyId, Side side, SurveyRatings ratings, String comment, LocalDate answeredOn) {
        this.surveyId = surveyId;
        this.side = side;
        this.alignment = ratings.alignment();
        this.communication = ratings.communication();
        this.partnership = ratings.partnership();
        this.innovation = ratings.innovation();
        this.governance = ratings.governance();
        this.comment = comment;
        this.answeredOn = answeredOn;
    }

    Long surveyId() {
        return surveyId;
    }

    Side side() {
        return side;
    }

    SurveyRatings ratings() {
        return new SurveyRatings(alignment, communication, partnership, innovation, governance);
    }

    String comment() {
        return comment;
    }
}
