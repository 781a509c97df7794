package org.bpogovernance.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** {@code /api/engagements/{id}/meetings}: the engagement's meetings, their calendar files, moves and cancellations. */
@RestController
@Tag(name = "Meetings", description = "The meetings of an engagement and their calendar files; move or cancel one (the invites follow).")
@RequestMapping("/api/engagements/{engagementId}/meetings")
class MeetingController {

    record Cancellation(String reason) {
    }

    private final MeetingService meetingService;

    MeetingController(MeetingService meetingService) {
        this.meetingService = meetingService;
    }

    @GetMapping
    List<Meeting> list(@PathVariable Long engagementId) {
        return meetingService.of(engagementId);
    }

    @GetMapping("/{meetingId}")
    Meeting get(@PathVariable Long engagementId, @PathVariable Long meetingId) {
        return meetingService.get(engagementId, meetingId);
    }

    /** The invite as an .ics file: what a participant imports into a calendar by hand. */
    @GetMapping(value = "/{meetingId}/invite.ics", produces = "text/calendar")
    ResponseEntity<byte[]> calendar(@PathVariable Long engagementId, @PathVariable Long meetingId) {
        var invite = meetingService.calendar(engagementId, meetingId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("meeting-" + meetingId + ".ics").build().toString())
                .body(invite.ics().getBytes(StandardCharsets.UTF_8));
    }

    /** Moves the meeting; every attendee's calendar entry is updated (same UID, next SEQUENCE). */
    @PutMapping("/{meetingId}")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    Meeting reschedule(@PathVariable Long engagementId, @PathVariable Long meetingId,
            @RequestBody MeetingService.MeetingChange change) {
        return meetingService.reschedule(engagementId, meetingId, change);
    }

    @PostMapping("/{meetingId}/cancel")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    Meeting cancel(@PathVariable Long engagementId, @PathVariable Long meetingId,
            @RequestBody(required = false) Cancellation cancellation) {
        return meetingService.cancel(engagementId, meetingId, cancellation == null ? null : cancellation.reason());
    }
}
