package org.bpogovernance.escalation;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.action.ActionItemService.ProposedAction;
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
 * {@code /api/engagements/{id}/escalations}: every escalation with its steps (who, when, level,
 * what); raise one by hand; pass it up or resolve it, as its level's task would.
 */
@RestController
@Tag(name = "Escalations", description = "Escalations with every step of their ladder; raise one, pass it up a level or resolve it.")
@RequestMapping("/api/engagements/{engagementId}/escalations")
class EscalationController {

    record Resolution(String resolution, String note, List<ProposedAction> actionPlan) {
    }

    record PassUp(String note) {
    }

    private final EscalationService escalations;

    EscalationController(EscalationService escalations) {
        this.escalations = escalations;
    }

    @GetMapping
    List<Escalation> list(@PathVariable Long engagementId, @RequestParam(required = false) Escalation.Status status) {
        return escalations.of(engagementId, status);
    }

    @GetMapping("/{escalationId}")
    EscalationService.EscalationRecord get(@PathVariable Long engagementId, @PathVariable Long escalationId) {
        return escalations.get(engagementId, escalationId);
    }

    /** A stakeholder or officer raises one by hand: subject and severity. */
    @PostMapping
    ResponseEntity<EscalationService.EscalationRecord> raise(@PathVariable Long engagementId,
            @RequestBody EscalationService.RaiseRequest request, UriComponentsBuilder uri) {
        Escalation escalation = escalations.raiseByHand(engagementId, request);
        return ResponseEntity.created(uri.path("/api/engagements/{engagementId}/escalations/{id}")
                .build(engagementId, escalation.getId())).body(escalations.get(engagementId, escalation.getId()));
    }

    /** Pass it up a level now (the current level's people and officers). */
    @PostMapping("/{escalationId}/escalate")
    EscalationService.EscalationRecord escalate(@PathVariable Long engagementId, @PathVariable Long escalationId,
            @RequestBody(required = false) PassUp request) {
        return escalations.escalateThroughApi(engagementId, escalationId, request == null ? null : request.note());
    }

    /** Resolve it: resolution, note, optional action plan; a second resolution is refused with 409. */
    @PostMapping("/{escalationId}/resolve")
    EscalationService.EscalationRecord resolve(@PathVariable Long engagementId, @PathVariable Long escalationId,
            @RequestBody Resolution request) {
        return escalations.resolveThroughApi(engagementId, escalationId, request.resolution(), request.note(),
                request.actionPlan());
    }
}
