package org.bpogovernance.renewal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Term;
import org.bpogovernance.platform.Documents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/engagements/{id}/terms} and {@code …/renewals}: the contract terms, each term's
 * performance summary (JSON or CSV), and the renewal reviews with their recommendation and
 * decision; the steering committee may decide through the API instead of Tasklist.
 */
@RestController
@Tag(name = "Renewal", description = "Contract terms and their performance summaries; renewal reviews with their recommendation and decision.")
@RequestMapping("/api/engagements/{engagementId}")
class RenewalController {

    private final EngagementService engagements;
    private final TermSummaryService summaries;
    private final RenewalService renewals;
    private final Documents documents;

    RenewalController(EngagementService engagements, TermSummaryService summaries, RenewalService renewals,
            Documents documents) {
        this.engagements = engagements;
        this.summaries = summaries;
        this.renewals = renewals;
        this.documents = documents;
    }

    @GetMapping("/terms")
    List<Term> terms(@PathVariable Long engagementId) {
        return engagements.terms(engagementId);
    }

    @GetMapping(value = "/terms/{termNumber}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    TermSummary summary(@PathVariable Long engagementId, @PathVariable int termNumber) {
        return summaries.of(engagementId, termNumber);
    }

    /** The same summary as CSV ({@code section,item,value}), for spreadsheets and board packs. */
    @GetMapping(value = "/terms/{termNumber}/summary", produces = "text/csv")
    ResponseEntity<String> summaryCsv(@PathVariable Long engagementId, @PathVariable int termNumber) {
        TermSummary summary = summaries.of(engagementId, termNumber);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"term-summary-" + engagementId + "-"
                        + termNumber + ".csv\"")
                .body(TermSummaryService.csv(summary));
    }

    /** The same summary as a document to keep, with the renewal decision where taken: HTML. */
    @GetMapping(value = "/terms/{termNumber}/summary.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> summaryDocument(@PathVariable Long engagementId, @PathVariable int termNumber) {
        return documents.htmlDownload(summaries.document(engagementId, termNumber),
                "term-summary-" + engagementId + "-" + termNumber);
    }

    /** The same document as PDF, as the mail that tells the renewal decision carries it. */
    @GetMapping(value = "/terms/{termNumber}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> summaryPdf(@PathVariable Long engagementId, @PathVariable int termNumber) {
        return documents.pdfDownload(summaries.document(engagementId, termNumber),
                "term-summary-" + engagementId + "-" + termNumber);
    }

    @GetMapping("/renewals")
    List<RenewalReview> renewals(@PathVariable Long engagementId) {
        return renewals.of(engagementId);
    }

    @GetMapping("/renewals/{renewalReviewId}")
    RenewalService.RenewalRecord renewal(@PathVariable Long engagementId, @PathVariable Long renewalReviewId) {
        return renewals.get(engagementId, renewalReviewId);
    }

    /** The steering committee's decision: completes "Decide on renewal" as Tasklist would. */
    @PostMapping("/renewals/{renewalReviewId}/decision")
    RenewalService.RenewalRecord decide(@PathVariable Long engagementId, @PathVariable Long renewalReviewId,
            @RequestBody(required = false) RenewalService.DecisionRequest request) {
        return renewals.decideThroughApi(engagementId, renewalReviewId, request);
    }
}
