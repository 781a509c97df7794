package org.bpogovernance.partnership;

import java.util.List;

/**
 * The five things that make a relationship work, each rated 1 (poor) to 5 (excellent): alignment on
 * metrics and ways of working, open and honest communication, partnership mindset, innovation, governance.
 */
record SurveyRatings(int alignment, int communication, int partnership, int innovation, int governance) {

    /** The five in the order the form and the reports show them, with their names in words. */
    enum Dimension {
        ALIGNMENT("Alignment on metrics and ways of working"),
        COMMUNICATION("Open and honest communication"),
        PARTNERSHIP("Partnership mindset"),
        INNOVATION("Innovation"),
        GOVERNANCE("Governance");

        final String inWords;

        Dimension(String inWords) {
            this.inWords = inWords;
        }
    }

    int of(Dimension dimension) {
        return switch (dimension) {
            case ALIGNMENT -> alignment;
            case COMMUNICATION -> communication;
            case PARTNERSHIP -> partnership;
            case INNOVATION -> innovation;
            case GOVERNANCE -> governance;
        };
    }

    /** The mean of the five. */
    double mean() {
        return List.of(Dimension.values()).stream().mapToInt(this::of).average().orElseThrow();
    }
}
