package org.bpogovernance.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.bpogovernance.platform.Paging;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The whole audit trail, newest first (its order is fixed); governance officers only. */
@RestController
@Tag(name = "Audit", description = "The whole audit trail, newest first: who changed what, and when (governance officers).")
@RequestMapping("/api/audit")
@PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
class AuditController {

    private final AuditTrail auditTrail;

    AuditController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping
    PagedModel<AuditEntry> latest(@RequestParam(required = false) String entityType,
            @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(auditTrail.latest(entityType, Paging.sortableBy(pageable, Set.of())));
    }
}
