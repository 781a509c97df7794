package org.bpogovernance.engagement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bpogovernance.engagement.CharterSignOff.Decision;
import org.bpogovernance.platform.Documents.Fact;
import org.bpogovernance.platform.Documents.Page;
import org.bpogovernance.platform.Documents.Section;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The governance charter as a document people keep (HTML or PDF): the text of the last round sent
 * for signature, subject by subject, and every signature with name, side and time in the
 * engagement's time zone.
 */
@Component
class CharterDocument {

    private final UserDirectory users;

    CharterDocument(UserDirectory users) {
        this.users = users;
    }

    Page page(Engagement engagement, Onboarding onboarding, String charter, List<CharterSignOff> signOffs) {
        ZoneId zone = engagement.zone();
        int round = onboarding.getCharterRound();
        List<CharterSignOff> lastRound = signOffs.stream().filter(s -> s.getRound() == round).toList();
        boolean signed = round > 0 && lastRound.size() == 2 && lastRound.stream().allMatch(s -> s.getDecision() == Decision.APPROVE);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Client", engagement.getClient()));
        facts.add(new Fact("Provider", engagement.getProvider()));
        facts.add(new Fact("Status", round == 0 ? "Not yet sent for signature"
                : signed ? "Signed by both parties in round " + round + ", " + PeopleDates.dayAndTime(lastRound.stream()
                        .map(CharterSignOff::getDecidedAt).max(java.time.Instant::compareTo).orElseThrow(), zone)
                : "Round " + round + ", out for signature or being reworked"));

        List<Section> sections = new ArrayList<>();
        for (String line : charter.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String subject = line.substring(0, colon);
                String value = line.substring(colon + 2);
                boolean list = subject.equals("Governance tiers") || subject.equals("Stakeholders");
                sections.add(Section.text(subject, list ? String.join("\n", Arrays.asList(value.split("; "))) : value));
            }
        }
        sections.add(Section.table("Signatures", List.of("Round", "Signed by", "For", "Decision", "When", "Reason"),
                signOffs.stream().map(s -> List.of(String.valueOf(s.getRound()), name(s.getSigner()),
                        s.getSide() == Side.CLIENT ? engagement.getClient() : engagement.getProvider(),
                        s.getDecision() == Decision.APPROVE ? "approved" : "rejected",
                        PeopleDates.dayAndTime(s.getDecidedAt(), zone), s.getReason() == null ? "" : s.getReason()))
                        .toList(), "Not yet signed."));
        return new Page("Governance charter", engagement.getName() + " (contract " + engagement.getContractReference() + ")",
                facts, sections, (round == 0 ? "Draft" : "Round " + round) + " · charter of engagement " + engagement.getId()
                        + " · BPO Governance");
    }

    static String fileName(Engagement engagement) {
        return "charter-" + engagement.getContractReference().toLowerCase(java.util.Locale.ENGLISH)
                .replaceAll("[^a-z0-9]+", "-");
    }

    private String name(String userId) {
        return users.find(userId).map(UserDirectory.Person::displayName).orElse(userId);
    }
}
