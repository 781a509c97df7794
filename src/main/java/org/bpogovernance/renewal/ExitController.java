package org.bpogovernance.renewal;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/engagements/{id}/exit}: the exit and transition plan with each item's state and
 * both parties' sign-offs; items reported done and the sign-off through the API complete the same
 * tasks as Tasklist.
 */
@RestController
@Tag(name = "Exit", description = "The exit plan of an engagement: its items, who reports them done, and its sign-off.")
@RequestMapping("/api/engagements/{engagementId}/exit")
class ExitController {

    record ItemDone(String note) {
    }

    record SignOff(String decision, String reason) {
    }

    private final ExitService exits;

    ExitController(ExitService exits) {
        this.exits = exits;
    }

    @GetMapping
    ExitService.ExitPlan plan(@PathVariable Long engagementId) {
        return exits.get(engagementId);
    }

    @PostMapping("/items/{exitItemId}/complete")
    ExitItem complete(@PathVariable Long engagementId, @PathVariable Long exitItemId,
            @RequestBody(required = false) ItemDone request) {
        return exits.completeItemThroughApi(engagementId, exitItemId, request == null ? null : request.note());
    }

    /** The caller's sign-off for their party; refused (409) while items are open. */
    @PostMapping("/sign-off")
    ExitService.ExitPlan signOff(@PathVariable Long engagementId, @RequestBody(required = false) SignOff request) {
        return exits.signOffThroughApi(engagementId, request == null ? null : request.decision(),
                request == null ? null : request.reason());
    }
}
