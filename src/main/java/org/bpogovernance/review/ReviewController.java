package org.bpogovernance.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/engagements/{id}/reviews}: the milestone review calls with agenda, attendance,
 * minutes and sign-offs; the minutes as a document; sign-off and rework for those who use the API
 * instead of Tasklist (both complete the same tasks).
 */
@RestController
@Tag(name = "Reviews", description = "Milestone review calls: agenda, attendance, minutes, decisions and sign-offs; the minutes as a document.")
@RequestMapping("/api/engagements/{engagementId}/reviews")
class ReviewController {

    record SignOffRequest(String decision, String reason, String nextStep) {
    }

    private final ReviewRecords records;
    private final MinutesService minutesService;
    private final MinutesDocument document;
    private final Documents documents;
    private final CurrentUser currentUser;
    private final PollReadings polls;

    ReviewController(ReviewRecords records, MinutesService minutesService, MinutesDocument document, Documents documents,
            CurrentUser currentUser, PollReadings polls) {
        this.records = records;
        this.minutesService = minutesService;
        this.document = document;
        this.documents = documents;
        this.currentUser = currentUser;
        this.polls = polls;
    }

    @GetMapping
    List<ReviewRecords.ReviewSummary> list(@PathVariable Long engagementId) {
        return records.of(engagementId);
    }

    @GetMapping("/{reviewId}")
    ReviewRecords.ReviewRecord get(@PathVariable Long engagementId, @PathVariable Long reviewId) {
        return records.get(engagementId, reviewId);
    }

    /**
     * The call's scheduling poll, while it runs and after: each round's slots (times in the
     * engagement's zone), who answered what, whether the quorum can attend, whose working hours a
     * slot falls outside, and the outcome. 404 for a call scheduled without a poll.
     */
    @GetMapping("/{reviewId}/poll")
    PollReadings.PollView poll(@PathVariable Long engagementId, @PathVariable Long reviewId) {
        return polls.view(engagementId, reviewId);
    }

    /** The minutes as a document to keep and forward: HTML. */
    @GetMapping(value = "/{reviewId}/minutes", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> minutes(@PathVariable Long engagementId, @PathVariable Long reviewId) {
        records.get(engagementId, reviewId);
        return documents.htmlDownload(document.page(reviewId), "review-" + reviewId + "-minutes");
    }

    /** The same minutes as PDF, as the mail that says they are signed carries them. */
    @GetMapping(value = "/{reviewId}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> minutesPdf(@PathVariable Long engagementId, @PathVariable Long reviewId) {
        records.get(engagementId, reviewId);
        return documents.pdfDownload(document.page(reviewId), "review-" + reviewId + "-minutes");
    }

    /** The caller's decision as a named signer: APPROVE, or REJECT with a reason and REWORK or ESCALATE. */
    @PostMapping("/{reviewId}/sign-off")
    ReviewRecords.ReviewRecord signOff(@PathVariable Long engagementId, @PathVariable Long reviewId,
            @RequestBody SignOffRequest request) {
        minutesService.signThroughApi(engagementId, reviewId, currentUser.idOrSystem(), request.decision(),
                request.reason(), request.nextStep());
        return records.get(engagementId, reviewId);
    }

    /** The reworked minutes, while a party's rejection has sent them back; signed minutes are locked (409). */
    @PutMapping("/{reviewId}/minutes")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ReviewRecords.ReviewRecord rework(@PathVariable Long engagementId, @PathVariable Long reviewId,
            @RequestBody MinutesText text) {
        minutesService.reworkThroughApi(engagementId, reviewId, text);
        return records.get(engagementId, reviewId);
    }
}
