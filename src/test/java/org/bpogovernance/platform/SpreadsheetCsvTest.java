package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a spreadsheet shows of an export: a typed text never becomes a formula, figures stay figures. */
class SpreadsheetCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1", "\r=1"})
    void aTextThatStartsLikeAFormulaIsWrittenAsText(String typed) {
        String csv = SpreadsheetCsv.write(List.of("name"), rows -> rows.row(typed));

        String cell = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(cell.replace("\"", "")).startsWith("'");
    }

    @Test
    void figuresDatesAndOrdinaryTextsAreWrittenAsTheyAre() {
        String csv = SpreadsheetCsv.write(List.of("period", "metric", "attainment", "change"),
                rows -> rows.row(YearMonth.of(2026, 5), "First-time-right rate", new BigDecimal("91.84"), -3));

        assertThat(csv).isEqualTo("period,metric,attainment,change\r\n2026-05,First-time-right rate,91.84,-3\r\n");
    }
}
