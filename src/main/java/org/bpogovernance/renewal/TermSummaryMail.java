package org.bpogovernance.renewal;

import java.util.Map;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.notification.Attachment;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.PublicUrl;
import org.springframework.stereotype.Component;

/** The renewal is decided: everyone on the engagement hears the decision, with the term's summary as a PDF. */
@Component
class TermSummaryMail {

    private final TermSummaryService summaries;
    private final Documents documents;
    private final EngagementService engagements;
    private final Notifications notifications;
    private final PublicUrl publicUrl;

    TermSummaryMail(TermSummaryService summaries, Documents documents, EngagementService engagements,
            Notifications notifications, PublicUrl publicUrl) {
        this.summaries = summaries;
        this.documents = documents;
        this.engagements = engagements;
        this.notifications = notifications;
        this.publicUrl = publicUrl;
    }

    /** Queued in the transaction that records the decision; rendered once for everyone. */
    void send(RenewalReview decided) {
        Engagement engagement = engagements.forProcess(decided.getEngagementId());
        String baseName = "term-summary-" + engagement.getId() + "-" + decided.getTermNumber();
        Map<String, Object> model = Map.of("engagementName", engagement.getName(), "term", decided.getTermNumber(),
                "decision", decided.getDecision().name().charAt(0) + decided.getDecision().name().substring(1).toLowerCase(),
                "rationale", decided.getRationale(),
                "link", publicUrl.get() + "/api/engagements/" + engagement.getId() + "/terms/" + decided.getTermNumber()
                        + "/summary.html");
        Attachment pdf = Attachment.pdf(baseName,
                () -> documents.pdf(documents.html(summaries.documentOfCurrentTerm(engagement.getId()))));
        notifications.notifyEveryoneOn(engagement.getId(), "term-summary:" + decided.getId(), Notifications.Kind.TERM_SUMMARY,
                model, pdf);
    }
}
