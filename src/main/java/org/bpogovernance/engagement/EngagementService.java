package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.EngagementAccess;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

    /** Published, in the lifecycle step's transaction, when the engagement has closed: what is still open ends with it. */
    public record EngagementClosed(Long engagementId) {
    }

    private final EngagementRepository engagements;
    private final StakeholderRepository stakeholders;
    private final TermRepository terms;
    private final EngagementRules rules;
    private final StakeholderRules stakeholderRules;
    private final EngagementLifecycle lifecycle;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final EngagementAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngagementService(EngagementRepository engagements, StakeholderRepository stakeholders, TermRepository terms,
            EngagementRules rules,
            StakeholderRules stakeholderRules, EngagementLifecycle lifecycle, AuditTrail auditTrail,
            CurrentUser currentUser, UserDirectory users, EngagementAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.engagements = engagements;
        this.stakeholders = stakeholders;
        this.terms = terms;
        this.rules = rules;
        this.stakeholderRules = stakeholderRules;
        this.lifecycle = lifecycle;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.users = users;
        this.access = access;
        this.events = events;
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
        access.opened(engagement.getId(), lifecycleProcessInstanceId);
        return engagement;
    }

    private Engagement create(EngagementRequest request) {
        rules.checkRegistration(request);
        EngagementTerms terms = request.terms();
        requireUnusedContractReference(terms.contractReference(), null);
        Engagement engagement = engagements.save(new Engagement(terms, Instant.now(clock), currentUser.idOrSystem()));
        this.terms.save(new Term(engagement.getId(), 1, terms.termStart(), terms.termEnd(), terms.noticePeriodDays(),
                engagement.getRegisteredBy(), engagement.getRegisteredAt()));
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
        engagement.requireOpen();
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
            terms.findByEngagementIdAndNumber(id, engagement.getTermNumber()).ifPresent(term ->
                    term.change(after.termStart(), after.termEnd(), after.noticePeriodDays()));
            auditTrail.record(AUDIT_TYPE, id, "CHANGED", changes);
        }
        return engagements.save(engagement);
    }

    /** The engagement's terms, the first one first. */
    @Transactional(readOnly = true)
    public List<Term> terms(Long id) {
        visible(id);
        return terms.findByEngagementIdOrderByNumberAsc(id);
    }

    @Transactional(readOnly = true)
    public Term term(Long id, int number) {
        visible(id);
        return terms.findByEngagementIdAndNumber(id, number).orElseThrow(() -> new NotFoundException("term", (long) number));
    }

    /**
     * For figures of a month: the start of the term it lies in, if any. The current term is on
     * the engagement itself, so the usual case reads no other table.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> termStartCovering(Long id, YearMonth period) {
        Engagement engagement = visible(id);
        if (engagement.currentTermCovers(period)) {
            return Optional.of(engagement.getTermStart());
        }
        return terms.findByEngagementIdOrderByNumberAsc(id).stream().filter(term -> term.covers(period)).findFirst()
                .map(Term::getStartsOn);
    }

    /** For process steps: the engagement's current term. */
    @Transactional(readOnly = true)
    public Term currentTerm(Long id) {
        Engagement engagement = forProcess(id);
        return terms.findByEngagementIdAndNumber(id, engagement.getTermNumber())
                .orElseThrow(() -> new NotFoundException("term", (long) engagement.getTermNumber()));
    }

    /**
     * Checks a next term: it starts after the current one ends (no overlap), ends after it starts,
     * and leaves a notice period shorter than itself. Errors name {@code newTermStart},
     * {@code newTermEnd} and {@code newNoticePeriodDays}.
     */
    @Transactional(readOnly = true)
    public void checkNextTerm(Long id, LocalDate start, LocalDate end, Integer noticeDays) {
        Engagement engagement = forProcess(id);
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (start == null) {
            violations.add(new InvalidInputException.Violation("newTermStart", "is required (yyyy-mm-dd)"));
        } else if (!start.isAfter(engagement.getTermEnd())) {
            violations.add(new InvalidInputException.Violation("newTermStart", "overlaps the current term, which ends on "
                    + engagement.getTermEnd() + "; the new term starts after it"));
        }
        if (end == null) {
            violations.add(new InvalidInputException.Violation("newTermEnd", "is required (yyyy-mm-dd)"));
        } else if (start != null && !end.isAfter(start)) {
            violations.add(new InvalidInputException.Violation("newTermEnd", "must be after the new term's start, " + start));
        }
        if (noticeDays == null || noticeDays < 0) {
            violations.add(new InvalidInputException.Violation("newNoticePeriodDays", "is required: 0 or more days"));
        } else if (start != null && end != null && end.isAfter(start)
                && noticeDays >= ChronoUnit.DAYS.between(start, end)) {
            violations.add(new InvalidInputException.Violation("newNoticePeriodDays", "must be shorter than the term"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** A renewal: the next term is recorded and becomes the current one. */
    @Transactional
    public Term startNextTerm(Long id, LocalDate start, LocalDate end, int noticeDays) {
        Engagement engagement = forProcess(id);
        engagement.requireOpen();
        checkNextTerm(id, start, end, noticeDays);
        int number = engagement.getTermNumber() + 1;
        Term term = terms.save(new Term(id, number, start, end, noticeDays, currentUser.idOrSystem(), Instant.now(clock)));
        engagement.startTerm(number, start, end, noticeDays);
        engagements.save(engagement);
        auditTrail.record(AUDIT_TYPE, id, "TERM_STARTED", "term " + number + ": " + start + " to " + end + ", notice "
                + noticeDays + " days");
        return term;
    }

    /** Called by the lifecycle process only. */
    @Transactional
    public void enter(Long id, Phase phase) {
        Engagement engagement = engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement", id));
        if (engagement.getPhase() != phase) {
            auditTrail.record(AUDIT_TYPE, id, "PHASE_CHANGED", engagement.getPhase() + " -> " + phase);
            engagement.enter(phase);
            if (phase == Phase.CLOSED) {
                events.publishEvent(new EngagementClosed(id));
                for (String ended : lifecycle.endAllOthers(id, "the engagement closed")) {
                    auditTrail.record(AUDIT_TYPE, id, "PROCESS_ENDED", ended + ": the engagement closed");
                }
            }
        }
    }

    /**
     * For process starts: refused, naming why, once the engagement has closed. The refusal repeats
     * only the id the starter gave: whoever names another engagement's id learns nothing of it.
     */
    @Transactional(readOnly = true)
    public void requireOpen(Long id) {
        engagements.findById(id).filter(engagement -> engagement.getPhase() == Phase.CLOSED).ifPresent(closed -> {
            throw new ConflictException(ENGAGEMENT_ID.name(), "engagement " + id
                    + " is closed and kept read-only: nothing starts for it any more");
        });
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

    /**
     * The open engagements a person may choose from, at most {@code max}: the ones they are on,
     * by name, and for those who see the whole portfolio, then the others.
     */
    @Transactional(readOnly = true)
    public List<Engagement> openChoices(int max) {
        List<Engagement> choices = new ArrayList<>(engagements.findOpen(currentUser.idOrSystem(), PageRequest.of(0, max)));
        if (currentUser.seesEverything() && choices.size() < max) {
            Set<Long> own = choices.stream().map(Engagement::getId).collect(Collectors.toSet());
            engagements.findOpen(null, PageRequest.of(0, max)).stream().filter(engagement -> !own.contains(engagement.getId()))
                    .limit(max - choices.size()).forEach(choices::add);
        }
        return choices;
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
        engagement.requireOpen();
        return addStakeholder(engagement, request);
    }

    private Stakeholder addStakeholder(Engagement engagement, StakeholderRequest request) {
        stakeholderRules.check(request, stakeholders.findByEngagementIdOrderByIdAsc(engagement.getId()));
        Stakeholder stakeholder = stakeholders.save(new Stakeholder(engagement.getId(), request.userId().trim(),
                request.side(), request.role(), request.escalationLevel()));
        auditTrail.record(AUDIT_TYPE, engagement.getId(), "STAKEHOLDER_ADDED", stakeholder.toString());
        access.joined(engagement.getId(), engagement.getName(), stakeholder.getUserId());
        return stakeholder;
    }

    @Transactional
    public void removeStakeholder(Long id, Long stakeholderId) {
        Engagement engagement = visible(id);
        Stakeholder stakeholder = stakeholders.findByIdAndEngagementId(stakeholderId, id)
                .orElseThrow(() -> new NotFoundException("stakeholder", stakeholderId));
        engagement.requireOpen();
        long signersOfRole = stakeholders.findByEngagementIdOrderByIdAsc(id).stream()
                .filter(s -> s.getRole() == stakeholder.getRole()).count();
        if (stakeholder.getRole().requiredSide() != null && signersOfRole == 1) {
            throw new ConflictException("the engagement's only " + stakeholder.getRole()
                    + " cannot be removed; add the successor first");
        }
        stakeholders.delete(stakeholder);
        auditTrail.record(AUDIT_TYPE, id, "STAKEHOLDER_REMOVED", stakeholder.toString());
        if (!stakeholders.existsByEngagementIdAndUserId(id, stakeholder.getUserId())) {
            access.left(id, stakeholder.getUserId(), successorOf(stakeholder));
        }
    }

    /** Who takes over the open tasks of a person leaving: another holder of the role, else the governance officer. */
    private String successorOf(Stakeholder leaving) {
        List<Stakeholder> remaining = stakeholders.findByEngagementIdOrderByIdAsc(leaving.getEngagementId());
        return remaining.stream().filter(s -> s.getRole() == leaving.getRole()).map(Stakeholder::getUserId).findFirst()
                .or(() -> remaining.stream().filter(s -> s.getRole() == StakeholderRole.GOVERNANCE_OFFICER)
                        .map(Stakeholder::getUserId).findFirst())
                .orElse(null);
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

    /** The engagement's people, one per line ("clara — Clara Client, client representative"), for the forms. */
    @Transactional(readOnly = true)
    public String peopleInWords(Long engagementId) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Stakeholder stakeholder : stakeholders.findByEngagementIdOrderByIdAsc(engagementId)) {
            String name = users.find(stakeholder.getUserId()).map(UserDirectory.Person::displayName)
                    .orElse(stakeholder.getUserId());
            lines.merge(stakeholder.getUserId(), stakeholder.getUserId() + " — " + name + ", "
                    + stakeholder.getRole().name().toLowerCase().replace('_', ' '),
                    (first, second) -> first + ", " + second.substring(second.lastIndexOf(", ") + 2));
        }
        return String.join("\n", lines.values());
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
