package org.bpogovernance.improvement;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/engagements/{id}/initiatives}: the engagement's improvement initiatives with their
 * assessments, milestones and history; propose one; mark a pilot's milestone reached; CSV export.
 */
@RestController
@Tag(name = "Improvement initiatives", description = "Propose an improvement, follow its assessment, decision, pilot and benefits review.")
@RequestMapping("/api/engagements/{engagementId}/initiatives")
class InitiativeController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final InitiativeService initiatives;

    InitiativeController(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @GetMapping
    List<Initiative> list(@PathVariable Long engagementId, @RequestParam(required = false) Initiative.Status status) {
        return initiatives.of(engagementId, status);
    }

    /** One line per initiative, for spreadsheets. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable Long engagementId, @RequestParam(required = false) Initiative.Status status) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"initiatives-" + engagementId + ".csv\"")
                .body(initiatives.csv(engagementId, status));
    }

    @GetMapping("/{initiativeId}")
    InitiativeService.InitiativeRecord get(@PathVariable Long engagementId, @PathVariable Long initiativeId) {
        return initiatives.get(engagementId, initiativeId);
    }

    /** Someone on the engagement proposes one; both sides' assessments start in Tasklist. */
    @PostMapping
    ResponseEntity<InitiativeService.InitiativeRecord> propose(@PathVariable Long engagementId,
            @RequestBody InitiativeProposal proposal, UriComponentsBuilder uri) {
        Initiative initiative = initiatives.propose(engagementId, proposal);
        return ResponseEntity.created(uri.path("/api/engagements/{engagementId}/initiatives/{id}")
                .build(engagementId, initiative.getId())).body(initiatives.get(engagementId, initiative.getId()));
    }

    /** The pilot's owner (or an officer) marks a milestone reached. */
    @PostMapping("/{initiativeId}/milestones/{milestoneId}/reached")
    InitiativeService.InitiativeRecord milestoneReached(@PathVariable Long engagementId, @PathVariable Long initiativeId,
            @PathVariable Long milestoneId) {
        return initiatives.milestoneReached(engagementId, initiativeId, milestoneId);
    }
}
