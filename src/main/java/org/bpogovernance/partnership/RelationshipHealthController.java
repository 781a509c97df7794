package org.bpogovernance.partnership;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/engagements/{id}/relationship-health}: the relationship index, its trend, the sides' gap and every survey round. */
@RestController
@Tag(name = "Relationship health", description = "How both sides rate their relationship: index, trend, the gap between their views, each survey round.")
class RelationshipHealthController {

    private final RelationshipHealthService health;

    RelationshipHealthController(RelationshipHealthService health) {
        this.health = health;
    }

    @GetMapping("/api/engagements/{engagementId}/relationship-health")
    RelationshipHealth health(@PathVariable Long engagementId) {
        return health.health(engagementId);
    }
}
