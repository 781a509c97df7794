package org.bpogovernance.engagement;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.Paging;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /api/engagements}: register, list, read and change engagements; their audit and onboarding. */
@RestController
@Tag(name = "Engagements", description = "Register engagements, list and read them, change their terms; their audit trail and onboarding.")
@RequestMapping("/api/engagements")
class EngagementController {

    static final Set<String> SORTABLE = Set.of("id", "name", "client", "provider", "contractReference",
            "termStart", "termEnd", "phase", "registeredAt");

    record OnboardingView(Onboarding onboarding, List<CharterSignOff> charterSignOffs) {
    }

    private final EngagementService engagementService;
    private final OnboardingService onboardingService;
    private final Documents documents;

    EngagementController(EngagementService engagementService, OnboardingService onboardingService, Documents documents) {
        this.engagementService = engagementService;
        this.onboardingService = onboardingService;
        this.documents = documents;
    }

    /** Registers an engagement and starts its lifecycle (onboarding first). */
    @PostMapping
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    ResponseEntity<Engagement> register(@RequestBody EngagementRequest request, UriComponentsBuilder uri) {
        Engagement engagement = engagementService.register(request);
        return ResponseEntity.created(uri.path("/api/engagements/{id}").build(engagement.getId())).body(engagement);
    }

    /** Officers see every engagement; everyone else those they are a stakeholder of. */
    @GetMapping
    PagedModel<Engagement> list(@RequestParam(required = false) Phase phase,
            @RequestParam(required = false) String client, @RequestParam(required = false) String provider,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(engagementService.search(phase, client, provider, Paging.sortableBy(pageable, SORTABLE)));
    }

    @GetMapping("/{id}")
    Engagement get(@PathVariable Long id) {
        return engagementService.get(id);
    }

    /** Changes the terms; send the version you read, a stale one is refused with 409. */
    @PutMapping("/{id}")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    Engagement change(@PathVariable Long id, @RequestBody EngagementRequest request) {
        return engagementService.change(id, request);
    }

    /** Every change of the engagement: who, when, what. */
    @GetMapping("/{id}/audit")
    PagedModel<AuditEntry> audit(@PathVariable Long id, @PageableDefault(size = 100) Pageable pageable) {
        return new PagedModel<>(engagementService.history(id, Paging.sortableBy(pageable, Set.of())));
    }

    /** The governance charter as a document to keep: HTML. */
    @GetMapping(value = "/{id}/charter", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> charter(@PathVariable Long id) {
        return documents.htmlDownload(onboardingService.charterDocument(id), onboardingService.charterFileName(id));
    }

    /** The same charter as PDF, as the mail that says it is signed carries it. */
    @GetMapping(value = "/{id}/charter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> charterPdf(@PathVariable Long id) {
        return documents.pdfDownload(onboardingService.charterDocument(id), onboardingService.charterFileName(id));
    }

    @GetMapping("/{id}/onboarding")
    OnboardingView onboarding(@PathVariable Long id) {
        return new OnboardingView(onboardingService.get(id), onboardingService.signOffs(id));
    }
}
