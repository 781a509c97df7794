package org.bpogovernance.reporting;

/** CSV exports are opened in spreadsheets: a text a person typed must not become a formula there. */
final class Csv {

    private Csv() {
    }

    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
