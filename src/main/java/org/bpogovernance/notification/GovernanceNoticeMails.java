package org.bpogovernance.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.OnboardingService.OnboardingOverran;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.improvement.InitiativeService;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Notices the governance office sends when something needs attention, in the causing transaction. */
@Component
class GovernanceNoticeMails {

    private final Notifications notifications;
    private final EngagementService engagements;
    private final UserDirectory users;

    GovernanceNoticeMails(Notifications notifications, EngagementService engagements, UserDirectory users) {
        this.notifications = notifications;
        this.engagements = engagements;
        this.users = users;
    }

    /** The engagement closed: everyone on it hears that it did and that what was still open ended with it. */
    @EventListener
    public void on(EngagementService.EngagementClosed closed) {
        Engagement engagement = engagements.forProcess(closed.engagementId());
        Map<String, Object> model = Map.of("engagementName", engagement.getName(),
                "contractReference", engagement.getContractReference());
        notifications.notifyEveryoneOn(engagement.getId(), "engagement-closed:" + engagement.getId(),
                Notifications.Kind.ENGAGEMENT_CLOSED, model, null);
    }

    /** A pilot was adopted: everyone on the engagement hears of the shared achievement and what it taught. */
    @EventListener
    public void on(InitiativeService.InitiativeAdopted adopted) {
        Engagement engagement = engagements.forProcess(adopted.engagementId());
        Map<String, Object> model = Map.of("engagementName", engagement.getName(),
                "contractReference", engagement.getContractReference(), "title", adopted.title(),
                "owner", users.find(adopted.owner()).map(UserDirectory.Person::displayName).orElse(adopted.owner()),
                "benefit", adopted.benefit(), "lessonsLearned", adopted.lessonsLearned());
        notifications.notifyEveryoneOn(engagement.getId(), "initiative-adopted:" + adopted.initiativeId(),
                Notifications.Kind.INITIATIVE_ADOPTED, model, null);
    }

    /** Onboarding passed its target date: the engagement's officer and executive sponsors hear of it. */
    @EventListener
    public void on(OnboardingOverran overrun) {
        Engagement engagement = engagements.forProcess(overrun.engagementId());
        Set<String> recipients = new LinkedHashSet<>();
        for (Stakeholder stakeholder : engagements.stakeholdersForProcess(engagement.getId())) {
            if (stakeholder.getRole() == StakeholderRole.GOVERNANCE_OFFICER
                    || stakeholder.getRole() == StakeholderRole.EXECUTIVE_SPONSOR) {
                recipients.add(stakeholder.getUserId());
            }
        }
        if (recipients.isEmpty()) {
            recipients.addAll(users.membersOf(GovernanceGroups.GOVERNANCE_OFFICERS));
        }
        Map<String, Object> model = Map.of("engagementName", engagement.getName(),
                "contractReference", engagement.getContractReference(),
                "targetDate", PeopleDates.day(overrun.targetDate()), "notice", overrun.notice());
        for (String user : recipients) {
            notifications.notifyUser("onboarding-overrun:" + engagement.getId() + ":" + overrun.notice() + ":" + user,
                    Notifications.Kind.ONBOARDING_OVERRUN, engagement.getId(), user, model);
        }
    }
}
