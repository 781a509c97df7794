package org.bpogovernance.reporting;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.platform.InvalidInputException;

/**
 * Which engagements of the portfolio to list, in which order, and which page of them. The summary
 * always counts every engagement the person may see; the filters narrow the list only.
 *
 * @param health RAG statuses to keep ({@code GREEN}, {@code AMBER}, {@code RED}, {@code NO_DATA}); empty: all
 * @param noticeWithinDays keep engagements whose notice date is at most this many days away (or past)
 * @param relationshipAtRisk keep engagements whose last relationship survey round found a low index or a wide gap
 */
public record PortfolioQuery(Phase phase, Set<String> health, boolean withOpenEscalations, boolean withOverdueActions,
        Integer noticeWithinDays, boolean relationshipAtRisk, SortOrder sort, int page, int size) {

    static final int MAX_PAGE_SIZE = 200;
    static final List<String> HEALTH_VALUES = List.of("GREEN", "AMBER", "RED", PortfolioService.NO_DATA);

    public PortfolioQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (noticeWithinDays != null && noticeWithinDays < 0) {
            throw new InvalidInputException("noticeWithinDays", "must be 0 or more days");
        }
        health = health == null ? Set.of() : Set.copyOf(health);
        sort = sort == null ? SortOrder.DEFAULT : sort;
    }

    /** All engagements, by name: what the portfolio shows before anyone filters or sorts. */
    public static PortfolioQuery all(Phase phase, int page, int size) {
        return new PortfolioQuery(phase, Set.of(), false, false, null, false, SortOrder.DEFAULT, page, size);
    }

    /** Reads {@code health=RED,AMBER} (upper or lower case), refusing values that are not a RAG status. */
    public static Set<String> healthOf(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<String> health = values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toUpperCase(Locale.ROOT)).filter(value -> !value.isEmpty())
                .collect(Collectors.toSet());
        health.stream().filter(value -> !HEALTH_VALUES.contains(value)).findFirst().ifPresent(unknown -> {
            throw new InvalidInputException("health", "'" + unknown + "' is not a RAG status: use "
                    + String.join(", ", HEALTH_VALUES));
        });
        return health;
    }

    /** What the list is sorted by; each key has the direction people look at first (the worst first). */
    public enum SortKey {
        NAME("name", false), HEALTH("health", true), OPEN_ESCALATIONS("openEscalations", true),
        OVERDUE_ACTION_ITEMS("overdueActionItems", true), NOTICE_DATE("noticeDate", false);

        final String parameter;
        final boolean descendingFirst;

        SortKey(String parameter, boolean descendingFirst) {
            this.parameter = parameter;
            this.descendingFirst = descendingFirst;
        }
    }

    public record SortOrder(SortKey key, boolean descending) {

        static final SortOrder DEFAULT = new SortOrder(SortKey.NAME, false);

        /** {@code noticeDate}, {@code noticeDate,asc} or {@code health,desc}: Spring Data's way of writing it. */
        public static SortOrder parse(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT;
            }
            String[] parts = value.split(",", 2);
            SortKey key = Arrays.stream(SortKey.values()).filter(each -> each.parameter.equals(parts[0].trim()))
                    .findFirst().orElseThrow(() -> new InvalidInputException("sort", "'" + parts[0].trim()
                            + "' cannot be sorted by: use one of " + Arrays.stream(SortKey.values())
                            .map(each -> each.parameter).collect(Collectors.joining(", "))));
            if (parts.length == 1) {
                return new SortOrder(key, key.descendingFirst);
            }
            return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> new SortOrder(key, false);
                case "desc" -> new SortOrder(key, true);
                default -> throw new InvalidInputException("sort", "the direction must be asc or desc");
            };
        }

        <T> Comparator<T> apply(Comparator<T> ascending) {
            return descending ? ascending.reversed() : ascending;
        }
    }
}
