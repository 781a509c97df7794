package org.bpogovernance.reporting;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bpogovernance.engagement.Phase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/portfolio} and {@code /api/engagements/{id}/timeline}: what the governance view in
 * Cockpit shows, as JSON or (with {@code Accept: text/csv}) as CSV for spreadsheets.
 */
@RestController
@Tag(name = "Portfolio", description = "The engagements you see with their figures and totals, and an engagement's timeline; JSON or CSV.")
class ReportingController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PortfolioService portfolioService;
    private final TimelineService timelineService;

    ReportingController(PortfolioService portfolioService, TimelineService timelineService) {
        this.portfolioService = portfolioService;
        this.timelineService = timelineService;
    }

    /**
     * Filters narrow the list (the summary counts every engagement the person may see):
     * {@code health=RED,AMBER}, {@code openEscalations=true}, {@code overdueActions=true},
     * {@code noticeWithinDays=90}, {@code relationshipAtRisk=true}; {@code sort=health|openEscalations|overdueActionItems|noticeDate|name}
     * with an optional {@code ,asc} or {@code ,desc} (default: the worst first; by name A to Z).
     */
    @GetMapping(value = "/api/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    Portfolio portfolio(@RequestParam(required = false) Phase phase, @RequestParam(required = false) List<String> health,
            @RequestParam(defaultValue = "false") boolean openEscalations,
            @RequestParam(defaultValue = "false") boolean overdueActions,
            @RequestParam(required = false) Integer noticeWithinDays,
            @RequestParam(defaultValue = "false") boolean relationshipAtRisk, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return portfolioService.portfolio(new PortfolioQuery(phase, PortfolioQuery.healthOf(health), openEscalations,
                overdueActions, noticeWithinDays, relationshipAtRisk, PortfolioQuery.SortOrder.parse(sort), page, size));
    }

    /** One line per engagement of the page (up to 200; filters, {@code sort}, {@code size} and {@code page} as for JSON). */
    @GetMapping(value = "/api/portfolio", produces = "text/csv")
    ResponseEntity<String> portfolioCsv(@RequestParam(required = false) Phase phase,
            @RequestParam(required = false) List<String> health,
            @RequestParam(defaultValue = "false") boolean openEscalations,
            @RequestParam(defaultValue = "false") boolean overdueActions,
            @RequestParam(required = false) Integer noticeWithinDays,
            @RequestParam(defaultValue = "false") boolean relationshipAtRisk, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
        Portfolio portfolio = portfolioService.portfolio(new PortfolioQuery(phase, PortfolioQuery.healthOf(health),
                openEscalations, overdueActions, noticeWithinDays, relationshipAtRisk, PortfolioQuery.SortOrder.parse(sort), page, size));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"portfolio.csv\"")
                .body(PortfolioService.csv(portfolio));
    }

    @GetMapping(value = "/api/engagements/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable Long id) {
        return timelineService.of(id);
    }

    @GetMapping(value = "/api/engagements/{id}/timeline", produces = "text/csv")
    ResponseEntity<String> timelineCsv(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"engagement-" + id + "-timeline.csv\"")
                .body(TimelineService.csv(timelineService.of(id)));
    }
}
