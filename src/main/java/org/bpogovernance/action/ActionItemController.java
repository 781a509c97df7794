package org.bpogovernance.action;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /api/engagements/{id}/action-items}: what was agreed, by whom, by when, and whether it is done. */
@RestController
@Tag(name = "Action items", description = "What was agreed, by whom, by when, and whether it is done or overdue.")
@RequestMapping("/api/engagements/{engagementId}/action-items")
class ActionItemController {

    private final ActionItemService actionItems;

    ActionItemController(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    /** Filter by owner (user id), status and overdue (open and past the due date). */
    @GetMapping
    List<ActionItemService.ActionItemView> list(@PathVariable Long engagementId,
            @RequestParam(required = false) String owner, @RequestParam(required = false) ActionItem.Status status,
            @RequestParam(required = false) Boolean overdue) {
        return actionItems.search(engagementId, owner, status, overdue);
    }

    @GetMapping("/{actionItemId}")
    ActionItemService.ActionItemView get(@PathVariable Long engagementId, @PathVariable Long actionItemId) {
        return actionItems.get(engagementId, actionItemId);
    }

    /** An item agreed outside a review call: open at once and followed up by its owner. */
    @PostMapping
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ResponseEntity<ActionItemService.ActionItemView> create(@PathVariable Long engagementId,
            @RequestBody ActionItemService.ProposedAction request, UriComponentsBuilder uri) {
        ActionItem item = actionItems.createManual(engagementId, request);
        return ResponseEntity.created(uri.path("/api/engagements/{engagementId}/action-items/{id}")
                .build(engagementId, item.getId())).body(actionItems.get(engagementId, item.getId()));
    }

    /** No longer needed: cancelled with the reason; its follow-up ends. */
    @PostMapping("/{actionItemId}/cancel")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ActionItemService.ActionItemView cancel(@PathVariable Long engagementId, @PathVariable Long actionItemId,
            @RequestBody(required = false) Cancellation request) {
        return actionItems.cancel(engagementId, actionItemId, request == null ? null : request.reason());
    }

    record Cancellation(String reason) {
    }

}
