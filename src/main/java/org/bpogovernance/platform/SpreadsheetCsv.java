package org.bpogovernance.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the service exports (RFC 4180, one header line). Exports are opened in spreadsheets,
 * so a text that starts like a formula ({@code = + - @}, a tab or a carriage return) is written
 * with a leading apostrophe: a metric name or a summary a person typed never runs as a formula.
 * Numbers, dates and other values are written as they are.
 */
public final class SpreadsheetCsv {

    /** Receives the rows of one export. */
    public interface Rows {

        void row(Object... values);

        default void row(List<?> values) {
            row(values.toArray());
        }
    }

    private SpreadsheetCsv() {
    }

    public static String write(List<String> header, Consumer<Rows> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.accept(values -> {
                try {
                    csv.printRecord(Arrays.stream(values).map(SpreadsheetCsv::safe).toArray());
                } catch (IOException impossible) {
                    throw new UncheckedIOException(impossible);
                }
            });
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    static Object safe(Object value) {
        if (!(value instanceof CharSequence chars) || chars.isEmpty()) {
            return value;
        }
        char first = chars.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + chars : value;
    }
}
