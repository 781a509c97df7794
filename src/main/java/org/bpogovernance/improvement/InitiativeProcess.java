package org.bpogovernance.improvement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementVariables;
import org.bpogovernance.platform.ProcessVariable;

/** The improvement-initiative process (bpmn/improvement-initiative.bpmn): its key, variables and form fields. */
final class InitiativeProcess {

    static final String KEY = "improvement-initiative";
    static final ProcessVariable<Long> INITIATIVE_ID = ProcessVariable.of("initiativeId", Long.class);
    /** Shown in Tasklist and the forms. */
    static final ProcessVariable<String> TITLE = ProcessVariable.of("initiativeTitle", String.class);
    /** Who assesses it for each side: the client representative and the provider manager. */
    static final ProcessVariable<String> CLIENT_ASSESSOR = ProcessVariable.of("clientAssessor", String.class);
    static final ProcessVariable<String> PROVIDER_ASSESSOR = ProcessVariable.of("providerAssessor", String.class);
    /** Inputs of the initiative-triage table. */
    static final ProcessVariable<String> SIZE = ProcessVariable.of("initiativeSize", String.class);
    static final ProcessVariable<Integer> EFFORT_DAYS = ProcessVariable.of("initiativeEffortDays", Integer.class);
    static final ProcessVariable<String> RISK = ProcessVariable.of("initiativeRisk", String.class);
    /** The table's answer: OPERATIONAL, MANAGEMENT or EXECUTIVE. */
    static final ProcessVariable<String> TIER = ProcessVariable.of("initiativeTier", String.class);
    /** Comma-separated user ids who may take the tier's decision. */
    static final ProcessVariable<String> DECIDERS = ProcessVariable.of("initiativeDeciders", String.class);
    /** APPROVE, PARK or REJECT, for the gateway. */
    static final ProcessVariable<String> DECISION = ProcessVariable.of("initiativeDecision", String.class);
    /** ISO date-times of the timers: the benefits review and the revisit of a parked one. */
    static final ProcessVariable<String> BENEFITS_REVIEW_DUE = ProcessVariable.of("benefitsReviewDue", String.class);
    static final ProcessVariable<String> REVISIT_DUE = ProcessVariable.of("revisitDue", String.class);
    static final ProcessVariable<String> PILOT_OWNER = ProcessVariable.of("pilotOwner", String.class);
    /** ADOPT, EXTEND or DROP, for the gateway. */
    static final ProcessVariable<String> OUTCOME = ProcessVariable.of("benefitsOutcome", String.class);

    // Start form fields (forms/propose-initiative.form)
    static final String CONTRACT_REFERENCE = "contractReference";
    static final String PROBLEM = "initiativeProblem";
    static final String IDEA = "initiativeIdea";
    static final String METRIC = "initiativeMetric";
    static final String BASELINE = "initiativeBaseline";
    static final String TARGET = "initiativeTarget";
    /** All a person proposing one in Tasklist may give. */
    static final Set<String> START_FORM_FIELDS = Set.of(CONTRACT_REFERENCE, TITLE.name(), PROBLEM, IDEA, METRIC, BASELINE,
            TARGET, SIZE.name(), EFFORT_DAYS.name(), RISK.name());

    // Task form fields
    /** Read-only: the proposal in words, and what each side said of it. */
    static final String SUMMARY = "initiativeSummary";
    static final String ASSESSMENTS = "initiativeAssessments";
    static final String VERDICT = "assessmentVerdict";
    static final String ASSESSMENT_COMMENT = "assessmentComment";
    static final String DECISION_FIELD = "initiativeDecisionChoice";
    static final String DECISION_REASON = "decisionReason";
    static final String OWNER_FIELD = "pilotOwnerChoice";
    static final String MILESTONES = "pilotMilestones";
    static final String REVIEW_DATE = "benefitsReviewDate";
    static final String REVISIT_DATE = "revisitDate";
    /** Read-only: the deciding tier and who decides there, in words. */
    static final String TIER_IN_WORDS = "initiativeTierInWords";
    /** Read-only: the people of the engagement, for the owner field. */
    static final String PEOPLE = "engagementPeople";
    /** Read-only: the measured before and after of the metric, on the benefits review. */
    static final String MEASURED = "measuredBenefit";
    static final String OUTCOME_FIELD = "benefitsOutcomeChoice";
    static final String LESSONS = "lessonsLearned";
    static final String NEW_REVIEW_DATE = "newBenefitsReviewDate";

    /** The instance's business key, shown in Cockpit. */
    static String businessKey(Initiative initiative) {
        return "initiative:" + initiative.getId();
    }

    /** The variables every instance carries once its initiative is recorded, whichever way it started. */
    static Map<String, Object> variables(Engagement engagement, String governanceOfficer, Initiative initiative,
            String clientAssessor, String providerAssessor) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(EngagementVariables.ENGAGEMENT_NAME.name(), engagement.getName());
        variables.put(EngagementVariables.GOVERNANCE_OFFICER.name(), governanceOfficer);
        variables.put(TITLE.name(), initiative.getTitle());
        variables.put(CLIENT_ASSESSOR.name(), clientAssessor);
        variables.put(PROVIDER_ASSESSOR.name(), providerAssessor);
        variables.put(SIZE.name(), initiative.getSize().name());
        variables.put(EFFORT_DAYS.name(), initiative.getEffortDays());
        variables.put(RISK.name(), initiative.getRisk().name());
        return variables;
    }

    private InitiativeProcess() {
    }
}
