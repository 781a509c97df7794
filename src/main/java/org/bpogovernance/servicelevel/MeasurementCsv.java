package org.bpogovernance.servicelevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.PayloadTooLargeException;

/**
 * Reads a measurement file: {@code metric,period,value[,comment]} per line, an optional header
 * line, comments in quotes when they hold commas. Lines are numbered as an editor shows them.
 */
final class MeasurementCsv {

    record Line(int number, MeasurementInput input) {
    }

    /** The lines that could be read, and a violation for each that could not. */
    record Parsed(List<Line> lines, List<Violation> unreadable) {
    }

    private MeasurementCsv() {
    }

    /** The file's lines; every line that cannot be read is reported with its number. */
    static Parsed read(InputStream body, long maxBytes) {
        List<Line> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        long linesRead = 0;
        try (Reader reader = withoutByteOrderMark(new InputStreamReader(new LimitedInputStream(body, maxBytes), StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber();
                int lineNumber = (int) parser.getCurrentLineNumber();
                linesRead = lineNumber;
                if (number == 1 && "metric".equalsIgnoreCase(record.get(0))) {
                    continue;
                }
                if (record.size() < 3 || record.size() > 4) {
                    violations.add(new Violation("line " + lineNumber, "has " + record.size()
                            + " fields; expected metric,period,value[,comment]"));
                    continue;
                }
                BigDecimal value;
                try {
                    value = new BigDecimal(record.get(2));
                } catch (NumberFormatException notANumber) {
                    violations.add(new Violation("line " + lineNumber, "value '" + record.get(2) + "' is not a number"));
                    continue;
                }
                lines.add(new Line(lineNumber, new MeasurementInput(record.get(0), record.get(1), value,
                        record.size() == 4 && !record.get(3).isBlank() ? record.get(3) : null)));
            }
        } catch (PayloadTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (unreadable instanceof org.apache.commons.csv.CSVException
                    || unreadable.getCause() instanceof org.apache.commons.csv.CSVException) {
                // the parser's own message names its classes; the person needs the line
                throw new InvalidInputException("line " + (linesRead + 1), "cannot be read as CSV: a quoted value is never "
                        + "closed, or a quote stands inside an unquoted value");
            }
            throw new InvalidInputException("body", "is not a readable CSV file");
        }
        if (lines.isEmpty() && violations.isEmpty()) {
            throw new InvalidInputException("body", "the file holds no measurements");
        }
        return new Parsed(lines, violations);
    }

    /** Spreadsheets save UTF-8 files with a byte-order mark; it is not part of the first line. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** Stops reading past the limit, so an oversized upload is refused without being read whole. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException("The file is larger than " + (limit / (1024 * 1024))
                        + " MiB (governance.measurements.max-upload-bytes); nothing was stored.");
            }
        }
    }
}
