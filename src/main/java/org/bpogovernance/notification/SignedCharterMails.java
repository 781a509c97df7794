package org.bpogovernance.notification;

import java.util.Map;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.OnboardingService;
import org.bpogovernance.engagement.OnboardingService.CharterSigned;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.PublicUrl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Both parties signed the charter: everyone on the engagement gets it, as a PDF attached to the mail. */
@Component
class SignedCharterMails {

    private final Notifications notifications;
    private final EngagementService engagements;
    private final OnboardingService onboarding;
    private final Documents documents;
    private final PublicUrl publicUrl;

    SignedCharterMails(Notifications notifications, EngagementService engagements, OnboardingService onboarding,
            Documents documents, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.engagements = engagements;
        this.onboarding = onboarding;
        this.documents = documents;
        this.publicUrl = publicUrl;
    }

    /** In the transaction that finds both signatures; rendered once for everyone. */
    @EventListener
    public void on(CharterSigned signed) {
        Engagement engagement = engagements.forProcess(signed.engagementId());
        Map<String, Object> model = Map.of("engagementName", engagement.getName(),
                "contractReference", engagement.getContractReference(), "round", signed.round(),
                "link", publicUrl.get() + "/api/engagements/" + engagement.getId() + "/charter");
        Attachment pdf = Attachment.pdf(onboarding.charterFileName(engagement.getId()),
                () -> documents.pdf(documents.html(onboarding.charterDocumentForProcess(engagement.getId()))));
        notifications.notifyEveryoneOn(engagement.getId(), "charter-signed:" + engagement.getId() + ":" + signed.round(),
                Notifications.Kind.CHARTER_SIGNED, model, pdf);
    }
}
