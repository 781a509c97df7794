package org.bpogovernance.reporting;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.renewal.RenewalReview;
import org.bpogovernance.renewal.RenewalService;
import org.bpogovernance.review.ReviewRecords;
import org.springframework.stereotype.Component;

/**
 * The document a timeline entry produced, for the timeline to link: the signed charter when
 * onboarding completed, the signed minutes when a review was signed off, the term's summary when
 * the renewal was decided. The reader may see the engagement (the timeline checked it).
 */
@Component
class TimelineDocuments {

    private final ReviewRecords reviews;
    private final RenewalService renewals;

    TimelineDocuments(ReviewRecords reviews, RenewalService renewals) {
        this.reviews = reviews;
        this.renewals = renewals;
    }

    /** Finds the documents of one engagement's entries; looks its reviews and renewals up once. */
    Finder of(Long engagementId, List<AuditEntry> entries) {
        boolean signedReviews = entries.stream().anyMatch(e -> e.getAction().equals("REVIEW_SIGNED_OFF"));
        boolean decisions = entries.stream().anyMatch(e -> e.getAction().equals("RENEWAL_DECIDED"));
        return new Finder(engagementId, signedReviews ? reviews.of(engagementId) : List.of(),
                decisions ? renewals.of(engagementId) : List.of());
    }

    record Finder(Long engagementId, List<ReviewRecords.ReviewSummary> reviews, List<RenewalReview> renewals) {

        /** The path of the entry's document (PDF) under /api, or null. */
        String documentOf(AuditEntry entry) {
            String engagement = "/api/engagements/" + engagementId;
            return switch (entry.getAction()) {
                case "ONBOARDING_COMPLETED" -> engagement + "/charter.pdf";
                case "REVIEW_SIGNED_OFF" -> reviews.stream()
                        .filter(review -> entry.getDetails() != null && entry.getDetails().startsWith(review.title() + ":"))
                        .findFirst().map(review -> engagement + "/reviews/" + review.id() + "/minutes.pdf").orElse(null);
                case "RENEWAL_DECIDED" -> renewals.stream().filter(review -> review.getDecidedAt() != null)
                        .min(Comparator.comparing(review -> Duration.between(review.getDecidedAt(), entry.getOccurredAt()).abs()))
                        .map(review -> engagement + "/terms/" + review.getTermNumber() + "/summary.pdf").orElse(null);
                default -> null;
            };
        }
    }
}
