package org.bpogovernance.action;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/engagements/{id}/action-items}: what was agreed, by whom, by when, and whether it is done. */
@RestController
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
}
