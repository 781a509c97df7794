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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.improvement.InitiativeService;
import org.bpogovernance.partnership.RelationshipHealth;
import org.bpogovernance.partnership.RelationshipHealthService;
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
 * the attainment trend, relationship index and shared achievements of the engagements on the requested page.
 */
@Service
public class PortfolioService {

    /** Months of weighted attainment shown per engagement, ending with last month. */
    static final int TREND_MONTHS = 6;
    static final int ESCALATION_LEVELS = 3;
    static final String NO_DATA = "NO_DATA";
    /** Measurements older than this many months no longer give an engagement its overall health. */
    static final int HEALTH_MONTHS = 13;
    private static final String[] HEALTH_BY_RANK = {null, "GREEN", "AMBER", "RED"};
    /** Worse is higher; no data ranks below green, since nothing is known to be wrong. */
    private static final Map<String, Integer> HEALTH_RANK = Map.of(NO_DATA, 0, "GREEN", 1, "AMBER", 2, "RED", 3);
    private static final DateTimeFormatter MONTH_IN_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ScorecardService scorecards;
    private final RelationshipHealthService relationshipHealth;
    private final InitiativeService initiatives;
    private final Clock clock;

    PortfolioService(JdbcTemplate jdbc, CurrentUser currentUser, ScorecardService scorecards,
            RelationshipHealthService relationshipHealth, InitiativeService initiatives, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.scorecards = scorecards;
        this.relationshipHealth = relationshipHealth;
        this.initiatives = initiatives;
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
    public Portfolio portfolio(PortfolioQuery query) {
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
        for (String each : PortfolioQuery.HEALTH_VALUES) {
            byHealth.put(each, 0L);
        }
        Map<Integer, Long> escalationsByLevel = emptyLevels();
        long overdueTotal = 0;
        long due90 = 0;
        long due180 = 0;
        for (Basics engagement : visible) {
            byPhase.merge(engagement.phase(), 1L, Long::sum);
            byHealth.merge(healthOf(health, engagement), 1L, Long::sum);
            overdueTotal += overdue.getOrDefault(engagement.id(), 0L);
            escalations.getOrDefault(engagement.id(), Map.of()).forEach((level, count) -> escalationsByLevel.merge(level, count, Long::sum));
            due90 += renewalDue(engagement, today, 90) ? 1 : 0;
            due180 += renewalDue(engagement, today, 180) ? 1 : 0;
        }
        Portfolio.Summary summary = new Portfolio.Summary(visible.size(), byPhase, byHealth, overdueTotal,
                escalationsByLevel, due90, due180);

        Map<Long, Long> escalationCounts = new HashMap<>();
        escalations.forEach((id, levels) -> escalationCounts.put(id, levels.values().stream().mapToLong(Long::longValue).sum()));
        Set<Long> relationshipsAtRisk = query.relationshipAtRisk() ? relationshipHealth.engagementsAtRisk() : Set.of();
        List<Basics> listed = visible.stream()
                .filter(e -> query.phase() == null || e.phase() == query.phase())
                .filter(e -> query.health().isEmpty() || query.health().contains(healthOf(health, e)))
                .filter(e -> !query.withOpenEscalations() || escalationCounts.getOrDefault(e.id(), 0L) > 0)
                .filter(e -> !query.withOverdueActions() || overdue.getOrDefault(e.id(), 0L) > 0)
                .filter(e -> query.noticeWithinDays() == null || renewalDue(e, today, query.noticeWithinDays()))
                .filter(e -> !query.relationshipAtRisk() || relationshipsAtRisk.contains(e.id()))
                .sorted(order(query.sort(), health, escalationCounts, overdue))
                .toList();
        List<Basics> onPage = listed.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        Map<Long, Portfolio.NextCall> nextCalls = nextCalls(onPage);
        Map<Long, List<Portfolio.MetricConcern>> concerns = concerns(onPage, health);
        Map<Long, String> noDataReasons = noDataReasons(onPage.stream().filter(e -> !health.containsKey(e.id())).toList());
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        List<Long> idsOnPage = onPage.stream().map(Basics::id).toList();
        Map<Long, RelationshipHealth.Figures> relationships = relationshipHealth.figuresOf(idsOnPage);
        Map<Long, Long> achievements = initiatives.adoptedCounts(idsOnPage);
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
                    latest == null ? null : latest.period(), concerns.getOrDefault(engagement.id(), List.of()),
                    noDataReasons.get(engagement.id()), trend, nextCalls.get(engagement.id()),
                    overdue.getOrDefault(engagement.id(), 0L), levels, engagement.termEnd(), engagement.noticeDate(),
                    ChronoUnit.DAYS.between(today, engagement.noticeDate()), renewalDue(engagement, today, 90),
                    renewalDue(engagement, today, 180),
                    relationships.getOrDefault(engagement.id(), RelationshipHealth.Figures.NONE).index(),
                    relationships.getOrDefault(engagement.id(), RelationshipHealth.Figures.NONE).gap(),
                    relationships.getOrDefault(engagement.id(), RelationshipHealth.Figures.NONE).atRisk(),
                    achievements.getOrDefault(engagement.id(), 0L), engagement.lifecycleProcessInstanceId()));
        }
        int totalPages = (listed.size() + query.size() - 1) / query.size();
        return new Portfolio(today, summary, entries,
                new Portfolio.PageInfo(query.page(), query.size(), listed.size(), totalPages));
    }

    private static String healthOf(Map<Long, LatestHealth> health, Basics engagement) {
        LatestHealth latest = health.get(engagement.id());
        return latest == null ? NO_DATA : latest.health();
    }

    /** The chosen order, then by name and id, so pages never overlap. */
    private static Comparator<Basics> order(PortfolioQuery.SortOrder sort, Map<Long, LatestHealth> health,
            Map<Long, Long> escalationCounts, Map<Long, Long> overdue) {
        Comparator<Basics> byName = Comparator.comparing(Basics::name, String.CASE_INSENSITIVE_ORDER);
        Comparator<Basics> chosen = switch (sort.key()) {
            case NAME -> byName;
            case HEALTH -> Comparator.comparingInt(e -> HEALTH_RANK.get(healthOf(health, e)));
            case OPEN_ESCALATIONS -> Comparator.comparingLong(e -> escalationCounts.getOrDefault(e.id(), 0L));
            case OVERDUE_ACTION_ITEMS -> Comparator.comparingLong(e -> overdue.getOrDefault(e.id(), 0L));
            case NOTICE_DATE -> Comparator.comparing(Basics::noticeDate);
        };
        return sort.apply(chosen).thenComparing(byName).thenComparing(Basics::id);
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
                "openEscalationsLevel3", "termEnd", "noticeDate", "daysToNoticeDate", "relationshipIndex", "relationshipGap",
                "sharedAchievements", "redOrAmberMetrics", "noDataReason"));
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
                row.add(entry.relationshipIndex() == null ? "" : entry.relationshipIndex());
                row.add(entry.relationshipGap() == null ? "" : entry.relationshipGap());
                row.add(entry.sharedAchievements());
                row.add(entry.healthConcerns().stream().map(concern -> concern.metric() + " (" + concern.health() + ")")
                        .collect(Collectors.joining("; ")));
                row.add(entry.noDataReason() == null ? "" : entry.noDataReason());
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
        return engagements;
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

    /**
     * The metrics that made an engagement amber or red: those rated amber or red in the period its
     * health comes from, worst first.
     */
    private Map<Long, List<Portfolio.MetricConcern>> concerns(List<Basics> engagements, Map<Long, LatestHealth> health) {
        List<Basics> rated = engagements.stream().filter(e -> health.containsKey(e.id())
                && !"GREEN".equals(health.get(e.id()).health())).toList();
        if (rated.isEmpty()) {
            return Map.of();
        }
        String earliest = rated.stream().map(e -> health.get(e.id()).period()).min(String::compareTo).orElseThrow();
        Map<Long, List<Portfolio.MetricConcern>> concerns = new HashMap<>();
        jdbc.query("""
                select s.engagement_id, m.period, m.health, v.name, m.measured_value, v.target, v.unit
                from measurement m join service_metric s on s.id = m.metric_id
                     join metric_version v on v.id = m.metric_version_id
                where m.superseded_at is null and m.health in ('RED', 'AMBER') and m.period >= ?
                  and s.engagement_id in (%s)
                order by case m.health when 'RED' then 0 else 1 end, v.name""".formatted(idList(rated)), row -> {
            long engagementId = row.getLong(1);
            if (row.getString(2).equals(health.get(engagementId).period())) {
                concerns.computeIfAbsent(engagementId, id -> new ArrayList<>()).add(new Portfolio.MetricConcern(
                        row.getString(4), row.getString(3), row.getBigDecimal(5).stripTrailingZeros(),
                        row.getBigDecimal(6).stripTrailingZeros(), row.getString(7)));
            }
        }, earliest);
        return concerns;
    }

    /** Why an engagement without a health has none, in words. */
    private Map<Long, String> noDataReasons(List<Basics> engagements) {
        if (engagements.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> metrics = new HashMap<>();
        jdbc.query("select engagement_id, count(*) from service_metric where engagement_id in (%s) group by engagement_id"
                .formatted(idList(engagements)), row -> {
                    metrics.put(row.getLong(1), row.getLong(2));
                });
        Map<Long, String> lastMeasured = new HashMap<>();
        jdbc.query("""
                select s.engagement_id, max(m.period) from measurement m join service_metric s on s.id = m.metric_id
                where m.superseded_at is null and s.engagement_id in (%s) group by s.engagement_id"""
                .formatted(idList(engagements)), row -> {
                    lastMeasured.put(row.getLong(1), row.getString(2));
                });
        Map<Long, String> reasons = new HashMap<>();
        for (Basics engagement : engagements) {
            String last = lastMeasured.get(engagement.id());
            String reason;
            if (last != null) {
                reason = "Nothing measured since " + YearMonth.parse(last).format(MONTH_IN_WORDS)
                        + ": the health shows the last " + HEALTH_MONTHS + " months only.";
            } else if (metrics.getOrDefault(engagement.id(), 0L) == 0) {
                reason = "No service levels agreed yet.";
            } else if (engagement.phase() == Phase.ONBOARDING) {
                reason = "Still onboarding: the provider reports service levels once operations begin.";
            } else {
                reason = "The provider has not reported any service levels yet.";
            }
            reasons.put(engagement.id(), reason);
        }
        return reasons;
    }

    private static String idList(List<Basics> engagements) {
        return engagements.stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(","));
    }

    /** The next scheduled call of each engagement; meetings keep local times in the engagement's zone. */
    private Map<Long, Portfolio.NextCall> nextCalls(List<Basics> engagements) {
        if (engagements.isEmpty()) {
            return Map.of();
        }
        Map<Long, Basics> byId = engagements.stream().collect(Collectors.toMap(Basics::id, e -> e));
        Instant now = clock.instant();
        Map<Long, Portfolio.NextCall> next = new HashMap<>();
        String ids = idList(engagements);
        jdbc.query("select engagement_id, title, starts_at, time_zone from meeting where status = 'SCHEDULED'"
                + " and starts_at >= ? and engagement_id in (" + ids + ") order by starts_at", row -> {
                    long engagementId = row.getLong(1);
                    LocalDateTime startsAt = row.getTimestamp(3).toLocalDateTime();
                    var start = startsAt.atZone(ZoneId.of(row.getString(4))).toOffsetDateTime();
                    if (!next.containsKey(engagementId) && start.toInstant().isAfter(now)) {
                        next.put(engagementId, new Portfolio.NextCall(row.getString(2), start, row.getString(4)));
                    }
                }, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneId.of("UTC")).minusDays(1)));
        return next;
    }
}
