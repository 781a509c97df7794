package org.bpogovernance.partnership;

import org.bpogovernance.platform.ProcessVariable;

/** The relationship-survey process (bpmn/relationship-survey.bpmn): its key, variables and form fields. */
final class RelationshipSurveyProcess {

    static final String KEY = "relationship-survey";
    static final ProcessVariable<Long> SURVEY_ID = ProcessVariable.of("surveyId", Long.class);
    /** Everyone asked, the multi-instance collection: the people of both sides (the governance officer is neither). */
    static final String RESPONDENTS = "surveyRespondents";
    /** The element variable of the multi-instance task: the person one task asks. */
    static final ProcessVariable<String> RESPONDENT = ProcessVariable.of("surveyRespondent", String.class);
    /** ISO date-time at which the round closes, answered or not. */
    static final ProcessVariable<String> CLOSES_AT = ProcessVariable.of("surveyClosesAt", String.class);
    /** Whether the closed round's index is low or its gap wide, for the gateway. */
    static final ProcessVariable<Boolean> AT_RISK = ProcessVariable.of("relationshipAtRisk", Boolean.class);

    /** Read-only: whom the person answers for and about, and that the answer is kept without the name. */
    static final String INTRODUCTION = "surveyIntroduction";
    /**
     * The answers. Their names begin with {@code anonymous}: the engine keeps no history of such
     * variables or form fields, and the task listener removes them from the process once it has
     * recorded them, so the answers live only in the survey's tables.
     */
    static final String ALIGNMENT = "anonymousAlignment";
    static final String COMMUNICATION = "anonymousCommunication";
    static final String PARTNERSHIP = "anonymousPartnership";
    static final String INNOVATION = "anonymousInnovation";
    static final String GOVERNANCE = "anonymousGovernance";
    static final String COMMENT = "anonymousComment";


    private RelationshipSurveyProcess() {
    }
}
