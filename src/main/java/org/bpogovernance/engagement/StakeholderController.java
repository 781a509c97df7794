package org.bpogovernance.engagement;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /api/engagements/{id}/stakeholders}: the stakeholder map of an engagement. */
@RestController
@Tag(name = "Stakeholders", description = "Who is on an engagement, for which party and in which role: the stakeholder map.")
@RequestMapping("/api/engagements/{engagementId}/stakeholders")
class StakeholderController {

    private final EngagementService engagementService;

    StakeholderController(EngagementService engagementService) {
        this.engagementService = engagementService;
    }

    @GetMapping
    List<Stakeholder> list(@PathVariable Long engagementId) {
        return engagementService.stakeholdersOf(engagementId);
    }

    @PostMapping
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ResponseEntity<Stakeholder> add(@PathVariable Long engagementId, @RequestBody StakeholderRequest request,
            UriComponentsBuilder uri) {
        Stakeholder stakeholder = engagementService.addStakeholder(engagementId, request);
        return ResponseEntity.created(uri.path("/api/engagements/{engagementId}/stakeholders/{id}")
                .build(engagementId, stakeholder.getId())).body(stakeholder);
    }

    @DeleteMapping("/{stakeholderId}")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ResponseEntity<Void> remove(@PathVariable Long engagementId, @PathVariable Long stakeholderId) {
        engagementService.removeStakeholder(engagementId, stakeholderId);
        return ResponseEntity.noContent().build();
    }
}
