package org.bpogovernance.review;

import java.util.Map;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.notification.Attachment;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.platform.PublicUrl;
import org.springframework.stereotype.Component;

/** Both parties signed the minutes: everyone on the engagement gets them, as a PDF attached to the mail. */
@Component
class SignedMinutesMail {

    private final MinutesDocument document;
    private final Documents documents;
    private final EngagementService engagements;
    private final Notifications notifications;
    private final PublicUrl publicUrl;

    SignedMinutesMail(MinutesDocument document, Documents documents, EngagementService engagements,
            Notifications notifications, PublicUrl publicUrl) {
        this.document = document;
        this.documents = documents;
        this.engagements = engagements;
        this.notifications = notifications;
        this.publicUrl = publicUrl;
    }

    /** Queued in the transaction that locks the record; rendered once for everyone. */
    void send(Review review) {
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        String path = "/api/engagements/" + engagement.getId() + "/reviews/" + review.getId() + "/minutes";
        Map<String, Object> model = Map.of("engagementName", engagement.getName(), "title", MinutesDocument.title(review),
                "signedAt", PeopleDates.dayAndTime(review.getSignedOffAt(), engagement.zone()),
                "link", publicUrl.get() + path);
        Attachment pdf = Attachment.pdf(MinutesDocument.fileName(review),
                () -> documents.pdf(documents.html(document.page(review.getId()))));
        notifications.notifyEveryoneOn(engagement.getId(), "minutes-signed:" + review.getId(), Notifications.Kind.MINUTES_SIGNED,
                model, pdf);
    }
}
