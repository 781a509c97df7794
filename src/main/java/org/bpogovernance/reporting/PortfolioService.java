package org.bpogovernance.reporting;

import java.io.StringWriter;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.SpreadsheetCsv;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.servicelevel.ScorecardService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio read model: one pass over the engagements a person may see (officers: all,
 * everyone else: those they are a stakeholder of), grouped counts from the domain tables, and
 * the attainment trend of the engagements on the requested page.
 */
@Service
public class PortfolioService {

    /** Months of weighted attainment shown per engagement, ending with last month. */
    static final int TREND_MONTHS = 6;
    static final int MAX_PAGE_SIZE = 200;
    static final int ESCALATION_LEVELS = 3;
    static final String NO_DATA = "NO_DATA";
    /** Measurements older than this many months no longer give an engagement its overall health. */
    static final int HEALTH_MONTHS = 13;
    private static final String[] HEALTH_BY_RANK = {null, "GREEN", "AMBER", "RED"};

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ScorecardService scorecards;
    private final Clock clock;

    PortfolioService(JdbcTemplate jdbc, CurrentUser currentUser, ScorecardService scorecards, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    private record Basics(Long id, String name, String client, String provider, String contractReference, Phase phase,
            LocalDate termEnd, int noticePeriodDays, String lifecycleProcessInstanceId) {

        LocalDate noticeDate() {
            return termEnd.minusDays(noticePeriodDays);
        }
    }

    private record LatestHealth(String period, String health) {
    }

    @Transactional(readOnly = true)
    public Portfolio portfolio(Phase phase, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        LocalDate today = LocalDate.now(clock);
        List<Basics> visible = visibleEngagements();
        Map<Long, LatestHealth> health = latestHealth(YearMonth.from(today).minusMonths(HEALTH_MONTHS));
        Map<Long, Long> overdue = overdueActionItems(today);
        Map<Long, Map<Integer, Long>> escalations = openEscalations();

        Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
        for (Phase each : Phase.values()) {
            byPhase.put(each, 0L);
        }
        Map<String, Long> byHealth = new LinkedHashMap<>();
        for (String each : List.of("GREEN", "AMBER", "RED", NO_DATA)) {
            byHealth.put(each, 0L);
        }
        Map<Integer, Long> escalationsByLevel = emptyLevels();
        long overdueTotal = 0;
        long due90 = 0;
        long due180 = 0;
        for (Basics engagement : visible) {
            byPhase.merge(engagement.phase(), 1L, Long::sum);
            LatestHealth latest = health.get(engagement.id());
            byHealth.merge(latest == null ? NO_DATA : latest.health(), 1L, Long::sum);
            overdueTotal += overdue.getOrDefault(engagement.id(), 0L);
            escalations.getOrDefault(engagement.id(), Map.of()).forEach((level, count) -> escalationsByLevel.merge(level, count, Long::sum));
            due90 += renewalDue(engagement, today, 90) ? 1 : 0;
            due180 += renewalDue(engagement, today, 180) ? 1 : 0;
        }
        Portfolio.Summary summary = new Portfolio.Summary(visible.size(), byPhase, byHealth, overdueTotal,
                escalationsByLevel, due90, due180);

        List<Basics> listed = phase == null ? visible : visible.stream().filter(e -> e.phase() == phase).toList();
        List<Basics> onPage = listed.stream().skip((long) page * size).limit(size).toList();
        Map<Long, Portfolio.NextCall> nextCalls = nextCalls(onPage);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        List<Portfolio.Entry> entries = new ArrayList<>();
        for (Basics engagement : onPage) {
            LatestHealth latest = health.get(engagement.id());
            List<Portfolio.AttainmentPoint> trend = scorecards.weightedAttainments(engagement.id(),
                    lastMonth.minusMonths(TREND_MONTHS - 1L), lastMonth).entrySet().stream()
                    .map(point -> new Portfolio.AttainmentPoint(point.getKey(), point.getValue())).toList();
            Map<Integer, Long> levels = emptyLevels();
            escalations.getOrDefault(engagement.id(), Map.of()).forEach(levels::put);
            entries.add(new Portfolio.Entry(engagement.id(), engagement.name(), engagement.client(), engagement.provider(),
                    engagement.contractReference(), engagement.phase(), latest == null ? null : latest.health(),
                    latest == null ? null : latest.period(), trend, nextCalls.get(engagement.id()),
                    overdue.getOrDefault(engagement.id(), 0L), levels, engagement.termEnd(), engagement.noticeDate(),
                    ChronoUnit.DAYS.between(today, engagement.noticeDate()), renewalDue(engagement, today, 90),
                    renewalDue(engagement, today, 180), engagement.lifecycleProcessInstanceId()));
        }
        int totalPages = (int) ((listed.size() + size - 1) / size);
        return new Portfolio(today, summary, entries, new Portfolio.PageInfo(page, size, listed.size(), totalPages));
    }

    /**
     * For the metrics: every engagement counted by phase and overall health ({@code NO_DATA}
     * before measurements), read the same way as the portfolio reads it.
     */
    @Transactional(readOnly = true)
    Map<Phase, Map<String, Long>> engagementsByPhaseAndHealth() {
        Map<Long, LatestHealth> health = latestHealth(YearMonth.from(LocalDate.now(clock)).minusMonths(HEALTH_MONTHS));
        Map<Phase, Map<String, Long>> counts = new EnumMap<>(Phase.class);
        jdbc.query("select id, phase from engagement", row -> {
            LatestHealth latest = health.get(row.getLong(1));
            counts.computeIfAbsent(Phase.valueOf(row.getString(2)), phase -> new TreeMap<>())
                    .merge(latest == null ? NO_DATA : latest.health(), 1L, Long::sum);
        });
        return counts;
    }

    static String csv(Portfolio portfolio) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("id", "name", "client", "provider", "contractReference", "phase",
                "health", "healthPeriod"));
        List<String> periods = portfolio.engagements().isEmpty() ? List.of()
                : portfolio.engagements().get(0).attainmentTrend().stream().map(Portfolio.AttainmentPoint::period).toList();
        periods.forEach(period -> header.add("attainment " + period));
        header.addAll(List.of("nextCall", "overdueActionItems", "openEscalationsLevel1", "openEscalationsLevel2",
                "openEscalationsLevel3", "termEnd", "noticeDate", "daysToNoticeDate"));
        return SpreadsheetCsv.write(header, csv -> {
            for (Portfolio.Entry entry : portfolio.engagements()) {
                List<Object> row = new ArrayList<>(List.of(entry.id(), entry.name(), entry.client(),
                        entry.provider(), entry.contractReference(), entry.phase(),
                        entry.health() == null ? "" : entry.health(), entry.healthPeriod() == null ? "" : entry.healthPeriod()));
                entry.attainmentTrend().forEach(point -> row.add(point.weightedAttainment() == null ? "" : point.weightedAttainment()));
                row.add(entry.nextCall() == null ? "" : entry.nextCall().startsAt());
                row.add(entry.overdueActionItems());
                for (int level = 1; level <= ESCALATION_LEVELS; level++) {
                    row.add(entry.openEscalationsByLevel().getOrDefault(level, 0L));
                }
                row.addAll(List.of(entry.termEnd(), entry.noticeDate(), entry.daysToNoticeDate()));
                csv.row(row);
            }
        });
    }

    private static boolean renewalDue(Basics engagement, LocalDate today, int days) {
        return engagement.phase() != Phase.EXITING && engagement.phase() != Phase.CLOSED
                && !engagement.noticeDate().isAfter(today.plusDays(days));
    }

    private static Map<Integer, Long> emptyLevels() {
        Map<Integer, Long> levels = new TreeMap<>();
        for (int level = 1; level <= ESCALATION_LEVELS; level++) {
            levels.put(level, 0L);
        }
        return levels;
    }

    private List<Basics> visibleEngagements() {
        String select = """
                select id, name, client_name, provider_name, contract_reference, phase, term_end, notice_period_days,
                       lifecycle_process_instance_id
                from engagement""";
        RowMapper<Basics> mapper = (row, i) -> new Basics(row.getLong(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), Phase.valueOf(row.getString(6)),
                row.getObject(7, LocalDate.class), row.getInt(8), row.getString(9));
        List<Basics> engagements = currentUser.seesEverything()
                ? jdbc.query(select, mapper)
                : jdbc.query(select + " where id in (select engagement_id from stakeholder where user_id = ?)", mapper,
                        currentUser.idOrSystem());
        return engagements.stream().sorted(Comparator.comparing(Basics::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Basics::id)).toList();
    }

    /** Per engagement, the worst health of its latest measured period since {@code since}. */
    private Map<Long, LatestHealth> latestHealth(YearMonth since) {
        Map<Long, LatestHealth> latest = new HashMap<>();
        jdbc.query("""
                select s.engagement_id, m.period,
                       max(case m.health when 'RED' then 3 when 'AMBER' then 2 else 1 end)
                from measurement m join service_metric s on s.id = m.metric_id
                where m.superseded_at is null and m.period >= ?
                group by s.engagement_id, m.period""", row -> {
            long engagementId = row.getLong(1);
            String period = row.getString(2);
            LatestHealth known = latest.get(engagementId);
            if (known == null || known.period().compareTo(period) < 0) {
                latest.put(engagementId, new LatestHealth(period, HEALTH_BY_RANK[row.getInt(3)]));
            }
        }, since.toString());
        return latest;
    }

    private Map<Long, Long> overdueActionItems(LocalDate today) {
        Map<Long, Long> overdue = new HashMap<>();
        jdbc.query("select engagement_id, count(*) from action_item where status = 'OPEN' and due_date < ? group by engagement_id",
                row -> {
                    overdue.put(row.getLong(1), row.getLong(2));
                }, Date.valueOf(today));
        return overdue;
    }

    private Map<Long, Map<Integer, Long>> openEscalations() {
        Map<Long, Map<Integer, Long>> open = new HashMap<>();
        jdbc.query("select engagement_id, level, count(*) from escalation where status = 'OPEN' group by engagement_id, level",
                row -> {
                    open.computeIfAbsent(row.getLong(1), k -> new TreeMap<>()).put(row.getInt(2), row.getLong(3));
                });
        return open;
    }

    /** The next scheduled call of each engagement; meetings keep local times in the engagement's zone. */
    private Map<Long, Portfolio.NextCall> nextCalls(List<Basics> engagements) {
        if (engagements.isEmpty()) {
            return Map.of();
        }
        Map<Long, Basics> byId = engagements.stream().collect(Collectors.toMap(Basics::id, e -> e));
        Instant now = clock.instant();
        Map<Long, Portfolio.NextCall> next = new HashMap<>();
        String ids = byId.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.query("select engagement_id, title, starts_at, time_zone from meeting where status = 'SCHEDULED'"
                + " and starts_at >= ? and engagement_id in (" + ids + ") order by starts_at", row -> {
                    long engagementId = row.getLong(1);
                    LocalDateTime startsAt = row.getTimestamp(3).toLocalDateTime();
                    var start = startsAt.atZone(ZoneId.of(row.getString(4))).toOffsetDateTime();
                    if (!next.containsKey(engagementId) && start.toInstant().isAfter(now)) {
                        next.put(engagementId, new Portfolio.NextCall(row.getString(2), start));
                    }
                }, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneId.of("UTC")).minusDays(1)));
        return next;
    }
}
