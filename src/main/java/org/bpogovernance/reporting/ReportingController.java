package org.bpogovernance.reporting;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
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

    @GetMapping(value = "/api/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    Portfolio portfolio(@RequestParam(required = false) Phase phase, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return portfolioService.portfolio(phase, page, size);
    }

    /** One line per engagement of the page (up to 200; {@code size} and {@code page} as for JSON). */
    @GetMapping(value = "/api/portfolio", produces = "text/csv")
    ResponseEntity<String> portfolioCsv(@RequestParam(required = false) Phase phase,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"portfolio.csv\"")
                .body(PortfolioService.csv(portfolioService.portfolio(phase, page, size)));
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
