package org.bpogovernance.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Every sign-off loop has an exit. The charter, the minutes, an amendment and the exit are signed
 * in rounds; when {@code governance.sign-offs.max-rounds} rounds (3 by default) have been
 * rejected, the dispute goes to the escalation ladder, once, and no further round opens until the
 * ladder has resolved it. A dispute is named by what is signed: {@code charter:<engagement>},
 * {@code minutes:<review>}, {@code amendment:<renewal review>}, {@code exit:<engagement>}.
 */
@Component
public class SignOffRounds {

    /** The rejected rounds reached the limit: the escalation ladder takes the dispute. */
    public record Disputed(Long engagementId, String dispute, String subject) {
    }

    /** A round past the limit is about to open: a listener refuses it (ConflictException) while the dispute is open. */
    public record FurtherRoundRequested(Long engagementId, String dispute, int round) {
    }

    @Validated
    @ConfigurationProperties("governance.sign-offs")
    record Settings(@Min(1) @Max(50) @DefaultValue("3") int maxRounds) {
    }

    private final Settings settings;
    private final ApplicationEventPublisher events;

    SignOffRounds(Settings settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    public int maxRounds() {
        return settings.maxRounds();
    }

    /** A round ended rejected; at the limit the dispute goes up. */
    public void rejected(Long engagementId, String dispute, int round, String what) {
        if (round == settings.maxRounds()) {
            events.publishEvent(new Disputed(engagementId, dispute, what + " rejected in " + round
                    + " rounds of sign-off; the parties need a ruling before signing again"));
        }
    }

    /** Whether a round rejected now would be past the limit (the dispute is with the ladder, or goes there). */
    public boolean atOrPastLimit(int round) {
        return round >= settings.maxRounds();
    }

    /** Before round {@code round} opens: past the limit, only once the ladder has resolved the dispute. */
    public void opening(Long engagementId, String dispute, int round) {
        if (round > settings.maxRounds()) {
            events.publishEvent(new FurtherRoundRequested(engagementId, dispute, round));
        }
    }
}
