package org.bpogovernance.engagement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.platform.ConflictException;

/** One BPO relationship: a client, a provider, a contract term and how it is governed. */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Column(name = "client_name", nullable = false)
    private String client;

    @Column(name = "provider_name", nullable = false)
    private String provider;

    @Column(name = "service_scope", nullable = false)
    private String serviceScope;

    @Column(name = "contract_reference", nullable = false, unique = true)
    private String contractReference;

    @Column(name = "term_start", nullable = false)
    private LocalDate termStart;

    @Column(name = "term_end", nullable = false)
    private LocalDate termEnd;

    @Column(name = "notice_period_days", nullable = false)
    private int noticePeriodDays;

    /** The current term's number: 1 until the first renewal. */
    @Column(name = "term_number", nullable = false)
    private int termNumber = 1;

    /** When the first term began: what the engagement has on record starts here. */
    @Column(name = "first_term_start", nullable = false)
    private LocalDate firstTermStart;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "site_address")
    private String siteAddress;

    @Column(name = "remote_meeting_link")
    private String remoteMeetingLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase = Phase.ONBOARDING;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "governance_tier", joinColumns = @JoinColumn(name = "engagement_id"))
    @OrderColumn(name = "position")
    private List<GovernanceTier> tiers = new ArrayList<>();

    @Column(name = "lifecycle_process_instance_id")
    private String lifecycleProcessInstanceId;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    protected Engagement() {
    }

    Engagement(EngagementTerms terms, Instant registeredAt, String registeredBy) {
        apply(terms);
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    void apply(EngagementTerms terms) {
        this.name = terms.name();
        this.client = terms.client();
        this.provider = terms.provider();
        this.serviceScope = terms.serviceScope();
        this.contractReference = terms.contractReference();
        this.termStart = terms.termStart();
        this.termEnd = terms.termEnd();
        this.noticePeriodDays = terms.noticePeriodDays();
        if (termNumber == 1) {
            this.firstTermStart = terms.termStart();
        }
        this.timeZone = terms.timeZone();
        this.siteAddress = terms.siteAddress();
        this.remoteMeetingLink = terms.remoteMeetingLink();
        this.tiers = new ArrayList<>(terms.tiers());
    }

    EngagementTerms terms() {
        return new EngagementTerms(name, client, provider, serviceScope, contractReference, termStart, termEnd,
                noticePeriodDays, timeZone, siteAddress, remoteMeetingLink, List.copyOf(tiers));
    }

    /** Whether a month lies in the current term (as {@link Term#covers} for the term's record). */
    boolean currentTermCovers(YearMonth period) {
        return !period.isBefore(YearMonth.from(termStart)) && !period.isAfter(YearMonth.from(termEnd));
    }

    /** A renewal: the next term becomes the current one. */
    void startTerm(int number, LocalDate start, LocalDate end, int noticeDays) {
        this.termNumber = number;
        this.termStart = start;
        this.termEnd = end;
        this.noticePeriodDays = noticeDays;
    }

    void enter(Phase phase) {
        this.phase = phase;
    }

    void linkLifecycle(String processInstanceId) {
        this.lifecycleProcessInstanceId = processInstanceId;
    }

    /** The last day on which notice can be given for the current term. */
    public LocalDate noticeDate() {
        return termEnd.minusDays(noticePeriodDays);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public String getClient() {
        return client;
    }

    public String getProvider() {
        return provider;
    }

    public String getServiceScope() {
        return serviceScope;
    }

    public String getContractReference() {
        return contractReference;
    }

    public LocalDate getTermStart() {
        return termStart;
    }

    public LocalDate getTermEnd() {
        return termEnd;
    }

    public int getNoticePeriodDays() {
        return noticePeriodDays;
    }

    public int getTermNumber() {
        return termNumber;
    }

    public LocalDate getFirstTermStart() {
        return firstTermStart;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getSiteAddress() {
        return siteAddress;
    }

    public String getRemoteMeetingLink() {
        return remoteMeetingLink;
    }

    public Phase getPhase() {
        return phase;
    }

    /** A closed engagement is kept read-only: every change to it, or to anything of it, is refused naming why. */
    public void requireOpen() {
        if (phase == Phase.CLOSED) {
            throw new ConflictException("phase", "engagement " + id + " is closed and kept read-only");
        }
    }

    public List<GovernanceTier> getTiers() {
        return List.copyOf(tiers);
    }

    public String getLifecycleProcessInstanceId() {
        return lifecycleProcessInstanceId;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }
}
