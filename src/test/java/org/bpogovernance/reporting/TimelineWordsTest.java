package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the timeline says of what the audit trail recorded: words and dates as people write them, not codes. */
class TimelineWordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ONBOARDING -> OPERATIONAL | from onboarding to operational",
            "#4 KPI_BREACH (HIGH): Month-end close (CLOSE) breached its threshold in 2026-11 "
                    + "| #4 service-level breach (high severity): Month-end close (CLOSE) breached its threshold in 2026-11",
            "#7 MANUAL (LOW): Staff turnover | #7 raised by hand (low severity): Staff turnover",
            "2026-12-10T10:00 Europe/Berlin, HYBRID, Globex Corporation headquarters, Berlin "
                    + "| Thursday 10 December 2026, 10:00 (Europe/Berlin), hybrid, Globex Corporation headquarters, Berlin",
            "dispute:minutes:12 after the sign_off round 3 | dispute:minutes:12 after the sign-off round 3",
            "DEMO-GLOBEX-FINANCE: FTR stays as it is | DEMO-GLOBEX-FINANCE: FTR stays as it is"})
    void aSummaryReadsInWords(String recorded, String shown) {
        assertThat(TimelineService.inWords(recorded, ZoneId.of("Europe/Berlin"))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"PHASE_CHANGED | Phase changed", "ESCALATION_RAISED | Escalation raised"})
    void anActionReadsAsAHeading(String action, String title) {
        assertThat(TimelineService.inWords(action)).isEqualTo(title);
    }
}
