package org.bpogovernance.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /api/engagements/{id}/milestones}: title, due date, owner, acceptance criteria and status. */
@RestController
@Tag(name = "Milestones", description = "Milestones with due date, owner, acceptance criteria and status.")
@RequestMapping("/api/engagements/{engagementId}/milestones")
class MilestoneController {

    private final MilestoneService milestones;

    MilestoneController(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @GetMapping
    List<Milestone> list(@PathVariable Long engagementId) {
        return milestones.of(engagementId);
    }

    @GetMapping("/{milestoneId}")
    Milestone get(@PathVariable Long engagementId, @PathVariable Long milestoneId) {
        return milestones.get(engagementId, milestoneId);
    }

    @PostMapping
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ResponseEntity<Milestone> add(@PathVariable Long engagementId, @RequestBody MilestoneRequest request,
            UriComponentsBuilder uri) {
        Milestone milestone = milestones.add(engagementId, request);
        return ResponseEntity.created(uri.path("/api/engagements/{engagementId}/milestones/{id}")
                .build(engagementId, milestone.getId())).body(milestone);
    }

    /** Changes a milestone; send the version you read, a stale one is refused with 409. */
    @PutMapping("/{milestoneId}")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    Milestone change(@PathVariable Long engagementId, @PathVariable Long milestoneId,
            @RequestBody MilestoneRequest request) {
        return milestones.change(engagementId, milestoneId, request);
    }
}
