package org.bpogovernance.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.UserDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and changes engagements and their stakeholders, keeps the phase, and records every
 * change in the audit trail. Officers see every engagement; everyone else only those they are
 * a stakeholder of (to them the others do not exist).
 */
@Service
public class EngagementService {

    /** Audit entries of an engagement and of everything done for it. */
    public static final String AUDIT_TYPE = "engagement";

    private final EngagementRepository engagements;
    private final StakeholderRepository stakeholders;
    private final EngagementRules rules;
    private final StakeholderRules stakeholderRules;
    private final EngagementLifecycle lifecycle;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final Clock clock;

    EngagementService(EngagementRepository engagements, StakeholderRepository stakeholders, EngagementRules rules,
            StakeholderRules stakeholderRules, EngagementLifecycle lifecycle, AuditTrail auditTrail,
            CurrentUser currentUser, UserDirectory users, Clock clock) {
        this.engagements = engagements;
        this.stakeholders = stakeholders;
        this.rules = rules;
        this.stakeholderRules = stakeholderRules;
        this.lifecycle = lifecycle;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.users = users;
        this.clock = clock;
    }

    /** Registers the engagement and starts its lifecycle process, in one transaction. */
    @Transactional
    public Engagement register(EngagementRequest request) {
        Engagement engagement = create(request);
        engagement.linkLifecycle(lifecycle.start(engagement, holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER)));
        return engagement;
    }

    /** Registers the engagement for a lifecycle process that was started from the Tasklist start form. */
    @Transactional
    public Engagement registerFor(String lifecycleProcessInstanceId, EngagementRequest request) {
        Engagement engagement = create(request);
        engagement.linkLifecycle(lifecycleProcessInstanceId);
        return engagement;
    }

    private Engagement create(EngagementRequest request) {
        rules.checkRegistration(request);
        EngagementTerms terms = request.terms();
        requireUnusedContractReference(terms.contractReference(), null);
        Engagement engagement = engagements.save(new Engagement(terms, Instant.now(clock), currentUser.idOrSystem()));
        auditTrail.record(AUDIT_TYPE, engagement.getId(), "REGISTERED", describe(terms));
        addStakeholder(engagement, new StakeholderRequest(request.clientRepresentative(), Side.CLIENT,
                StakeholderRole.CLIENT_REPRESENTATIVE, 2));
        addStakeholder(engagement, new StakeholderRequest(request.providerManager(), Side.PROVIDER,
                StakeholderRole.PROVIDER_MANAGER, 2));
        String officer = request.governanceOfficer() != null && !request.governanceOfficer().isBlank()
                ? request.governanceOfficer().trim()
                : currentUser.id().filter(id -> users.find(id).map(p -> p.isIn(GovernanceGroups.GOVERNANCE_OFFICERS))
                        .orElse(false)).orElse(null);
        if (officer != null) {
            addStakeholder(engagement, new StakeholderRequest(officer, Side.CLIENT, StakeholderRole.GOVERNANCE_OFFICER, null));
        }
        return engagement;
    }

    @Transactional
    public Engagement change(Long id, EngagementRequest request) {
        Engagement engagement = visible(id);
        rules.checkChange(request);
        if (engagement.getPhase() == Phase.CLOSED) {
            throw new ConflictException("engagement " + id + " is closed and kept read-only");
        }
        if (!Objects.equals(request.version(), engagement.getVersion())) {
            throw new ConflictException("version", "is " + request.version() + " but the engagement is at version "
                    + engagement.getVersion() + ": someone changed it meanwhile; reload and try again");
        }
        EngagementTerms before = engagement.terms();
        EngagementTerms after = request.terms();
        requireUnusedContractReference(after.contractReference(), id);
        String changes = differences(before, after);
        if (!changes.isEmpty()) {
            engagement.apply(after);
            auditTrail.record(AUDIT_TYPE, id, "CHANGED", changes);
        }
        return engagements.save(engagement);
    }

    /** Called by the lifecycle process only. */
    @Transactional
    public void enter(Long id, Phase phase) {
        Engagement engagement = engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement", id));
        if (engagement.getPhase() != phase) {
            auditTrail.record(AUDIT_TYPE, id, "PHASE_CHANGED", engagement.getPhase() + " -> " + phase);
            engagement.enter(phase);
        }
    }

    @Transactional(readOnly = true)
    public Engagement get(Long id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    public Page<Engagement> search(Phase phase, String client, String provider, Pageable pageable) {
        String stakeholder = currentUser.seesEverything() ? null : currentUser.idOrSystem();
        return engagements.search(phase, pattern(client), pattern(provider), stakeholder, pageable);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> history(Long id, Pageable pageable) {
        visible(id);
        return auditTrail.of(AUDIT_TYPE, id, pageable);
    }

    @Transactional(readOnly = true)
    public List<Stakeholder> stakeholdersOf(Long id) {
        visible(id);
        return stakeholders.findByEngagementIdOrderByIdAsc(id);
    }

    @Transactional
    public Stakeholder addStakeholder(Long id, StakeholderRequest request) {
        Engagement engagement = visible(id);
        if (engagement.getPhase() == Phase.CLOSED) {
            throw new ConflictException("engagement " + id + " is closed and kept read-only");
        }
        return addStakeholder(engagement, request);
    }

    private Stakeholder addStakeholder(Engagement engagement, StakeholderRequest request) {
        stakeholderRules.check(request, stakeholders.findByEngagementIdOrderByIdAsc(engagement.getId()));
        Stakeholder stakeholder = stakeholders.save(new Stakeholder(engagement.getId(), request.userId().trim(),
                request.side(), request.role(), request.escalationLevel()));
        auditTrail.record(AUDIT_TYPE, engagement.getId(), "STAKEHOLDER_ADDED", stakeholder.toString());
        return stakeholder;
    }

    @Transactional
    public void removeStakeholder(Long id, Long stakeholderId) {
        Engagement engagement = visible(id);
        Stakeholder stakeholder = stakeholders.findByIdAndEngagementId(stakeholderId, id)
                .orElseThrow(() -> new NotFoundException("stakeholder", stakeholderId));
        if (engagement.getPhase() == Phase.CLOSED) {
            throw new ConflictException("engagement " + id + " is closed and kept read-only");
        }
        long signersOfRole = stakeholders.findByEngagementIdOrderByIdAsc(id).stream()
                .filter(s -> s.getRole() == stakeholder.getRole()).count();
        if (stakeholder.getRole().requiredSide() != null && signersOfRole == 1) {
            throw new ConflictException("the engagement's only " + stakeholder.getRole()
                    + " cannot be removed; add the successor first");
        }
        stakeholders.delete(stakeholder);
        auditTrail.record(AUDIT_TYPE, id, "STAKEHOLDER_REMOVED", stakeholder.toString());
    }

    /** The stakeholder holding a role, for routing tasks to the named person. */
    @Transactional(readOnly = true)
    public String holderOf(Long id, StakeholderRole role) {
        return stakeholders.findByEngagementIdOrderByIdAsc(id).stream()
                .filter(s -> s.getRole() == role).map(Stakeholder::getUserId).findFirst()
                .orElseThrow(() -> new InvalidInputException("stakeholders", "engagement " + id + " has no " + role));
    }

    /** The stakeholder holding a role, or null where nobody does. */
    @Transactional(readOnly = true)
    public String holderOrNull(Long id, StakeholderRole role) {
        return stakeholders.findByEngagementIdOrderByIdAsc(id).stream()
                .filter(s -> s.getRole() == role).map(Stakeholder::getUserId).findFirst().orElse(null);
    }

    /** For process steps, which act for the engine: no visibility check. */
    @Transactional(readOnly = true)
    public Engagement forProcess(Long id) {
        return engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement", id));
    }

    /** For process steps and start-up seeding: the engagement with a contract reference, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Engagement> forProcess(String contractReference) {
        return engagements.findByContractReference(contractReference);
    }

    @Transactional(readOnly = true)
    public List<Stakeholder> stakeholdersForProcess(Long id) {
        return stakeholders.findByEngagementIdOrderByIdAsc(id);
    }

    @Transactional(readOnly = true)
    public boolean isStakeholder(Long id, String userId) {
        return stakeholders.existsByEngagementIdAndUserId(id, userId);
    }

    private Engagement visible(Long id) {
        Engagement engagement = engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement", id));
        if (!currentUser.seesEverything() && !stakeholders.existsByEngagementIdAndUserId(id, currentUser.idOrSystem())) {
            throw new NotFoundException("engagement", id);
        }
        return engagement;
    }

    private void requireUnusedContractReference(String contractReference, Long ownId) {
        engagements.findByContractReference(contractReference)
                .filter(other -> !other.getId().equals(ownId))
                .ifPresent(other -> {
                    throw new ConflictException("contractReference",
                            "'" + contractReference + "' is already used by engagement " + other.getId());
                });
    }

    private static String pattern(String text) {
        return text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
    }

    private static String describe(EngagementTerms terms) {
        return terms.name() + " (" + terms.contractReference() + "), " + terms.client() + " / " + terms.provider()
                + ", term " + terms.termStart() + " to " + terms.termEnd();
    }

    private static String differences(EngagementTerms before, EngagementTerms after) {
        List<String> changes = new ArrayList<>();
        var components = EngagementTerms.class.getRecordComponents();
        for (var component : components) {
            try {
                Object old = component.getAccessor().invoke(before);
                Object now = component.getAccessor().invoke(after);
                if (!Objects.equals(String.valueOf(old), String.valueOf(now))) {
                    changes.add(component.getName() + ": " + old + " -> " + now);
                }
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return String.join("; ", changes);
    }
}
