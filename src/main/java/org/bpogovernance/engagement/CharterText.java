package org.bpogovernance.engagement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The charter as people write it, one "what: value" line per subject (the form {@link CharterChanges}
 * compares round by round): tiers as sentences, stakeholders by name, side and role, the kick-off as
 * a date and time in the engagement's time zone.
 */
@Component
class CharterText {

    private final UserDirectory users;

    CharterText(UserDirectory users) {
        this.users = users;
    }

    String of(Engagement e, Onboarding o, List<Stakeholder> stakeholders) {
        return e.getName() + " (contract " + e.getContractReference() + ")\n"
                + "Client: " + e.getClient() + "; provider: " + e.getProvider() + "\n"
                + "Scope: " + e.getServiceScope() + "\n"
                + "Term: " + PeopleDates.span(e.getTermStart(), e.getTermEnd()) + ", notice period "
                + e.getNoticePeriodDays() + " days\n"
                + "Governance tiers: " + e.getTiers().stream().map(CharterText::tier).collect(Collectors.joining("; ")) + "\n"
                + "Kick-off: " + (o.getKickOffAt() == null ? "not yet scheduled"
                        : PeopleDates.dayAndTime(o.getKickOffAt(), e.zone()) + ", " + words(o.getKickOffFormat())) + "\n"
                + "Communication: " + channels(o.getCommunicationChannels()) + "; reporting "
                + words(o.getReportingCadence()) + "\n"
                + "Escalation protocol: " + o.getEscalationProtocol() + "\n"
                + (o.getMetricsNote() == null ? "" : "Service metrics: " + o.getMetricsNote() + "\n")
                + "Stakeholders: " + stakeholders.stream().map(s -> stakeholder(e, s)).collect(Collectors.joining("; "));
    }

    /** "Operational review — monthly, 60 minutes". */
    static String tier(GovernanceTier tier) {
        String level = words(tier.getTier().name());
        return Character.toUpperCase(level.charAt(0)) + level.substring(1) + " review — "
                + words(tier.getCadence().name()).replace("half yearly", "every six months") + ", "
                + tier.getMeetingMinutes() + " minutes";
    }

    /** "Clara Client (Acme, client representative, level 2)". */
    String stakeholder(Engagement e, Stakeholder s) {
        String name = users.find(s.getUserId()).map(UserDirectory.Person::displayName).orElse(s.getUserId());
        return name + " (" + (s.getSide() == Side.CLIENT ? e.getClient() : e.getProvider()) + ", " + words(s.getRole().name())
                + (s.getEscalationLevel() == null ? "" : ", level " + s.getEscalationLevel()) + ")";
    }

    private static String channels(String channels) {
        if (channels == null || channels.isBlank()) {
            return "none agreed";
        }
        return Arrays.stream(channels.split(",")).map(String::trim)
                .map(c -> "EMAIL".equals(c) ? "e-mail" : words(c)).collect(Collectors.joining(", "));
    }

    /** {@code ON_PREMISES} → "on premises". */
    static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ENGLISH).replace('_', ' ');
    }
}
