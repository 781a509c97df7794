package org.bpogovernance.review;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The milestone-review process (bpmn/milestone-review.bpmn) and the review-call loop of
 * operational-governance: keys, variables and form fields.
 */
final class ReviewCallProcess {

    static final String KEY = "milestone-review";
    static final String ANSWER_POLL_TASK = "userTask_answerPoll";

    // operational-governance: the next call on the cadence
    static final ProcessVariable<Boolean> CALL_TO_COME = ProcessVariable.of("reviewCallToCome", Boolean.class);
    static final ProcessVariable<String> NEXT_TIER = ProcessVariable.of("nextReviewTier", String.class);
    /** ISO date-time at which the next call's preparation starts. */
    static final ProcessVariable<String> NEXT_CALL_AT = ProcessVariable.of("nextReviewCallAt", String.class);

    // milestone-review
    static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.of("reviewId", Long.class);
    static final ProcessVariable<String> TIER = ProcessVariable.of("reviewTier", String.class);
    static final ProcessVariable<Integer> SEQUENCE = ProcessVariable.of("reviewSequence", Integer.class);
    static final ProcessVariable<String> PHASE = ProcessVariable.of("engagementPhase", String.class);
    /** The month whose performance data the pack needs (the last of the reviewed period). */
    static final ProcessVariable<String> DATA_PERIOD = ProcessVariable.of("performanceDataPeriod", String.class);
    /** The decision table that suggests the call's format (the business rule task's decisionRef). */
    static final String MEETING_FORMAT_DECISION = "meeting-format";

    /** Output of the meeting-format decision: ON_PREMISES, REMOTE or HYBRID. */
    static final ProcessVariable<String> MEETING_FORMAT = ProcessVariable.of("meetingFormat", String.class);
    static final String INVITEES = "invitees";
    static final ProcessVariable<String> INVITEE = ProcessVariable.of("invitee", String.class);
    static final ProcessVariable<String> ATTENDANCE_DEADLINE = ProcessVariable.of("attendanceDeadline", String.class);
    static final ProcessVariable<String> CALL_STARTS_AT = ProcessVariable.of("callStartsAt", String.class);
    /** Whether the officer chose to find the time by a scheduling poll rather than pick one. */
    static final ProcessVariable<Boolean> TIME_BY_POLL = ProcessVariable.of("timeByPoll", Boolean.class);
    /** The poll's current round. */
    static final ProcessVariable<Long> POLL_ID = ProcessVariable.of("pollId", Long.class);
    /** Who answers the poll (the answer task's collection) and, per task, the one answering. */
    static final String POLL_RESPONDENTS = "pollRespondents";
    static final ProcessVariable<String> POLL_RESPONDENT = ProcessVariable.of("pollRespondent", String.class);
    static final ProcessVariable<String> POLL_CLOSES_AT = ProcessVariable.of("pollClosesAt", String.class);
    /** After a round closes: CHOSEN, TIED, NEW_SLOTS or NO_TIME (SchedulingPollService.Outcome). */
    static final ProcessVariable<String> POLL_OUTCOME = ProcessVariable.of("pollOutcome", String.class);
    /** Who hosts the visitors of an on-site call; unset for a remote one. */
    static final ProcessVariable<String> VISIT_HOST = ProcessVariable.of("visitHost", String.class);
    static final ProcessVariable<Boolean> QUORUM_REACHED = ProcessVariable.of("quorumReached", Boolean.class);
    static final ProcessVariable<String> CLIENT_SIGNER = ProcessVariable.of("clientSigner", String.class);
    static final ProcessVariable<String> PROVIDER_SIGNER = ProcessVariable.of("providerSigner", String.class);
    /** Local input of each sign-off task: CLIENT or PROVIDER. */
    static final ProcessVariable<String> SIGN_OFF_SIDE = ProcessVariable.of("signOffSide", String.class);
    /** APPROVED, REWORK or ESCALATE. */
    static final ProcessVariable<String> SIGN_OFF_OUTCOME = ProcessVariable.of("signOffOutcome", String.class);

    // Form fields: read by the listeners, kept in the domain tables, not in the process.
    static final String OBJECTIVES = "objectives";
    static final String AGENDA_ITEMS = "agendaItems";
    static final String MEETING_MINUTES = "meetingMinutes";
    /** Read-only: the engagement's people by user id, name and role. */
    static final String PARTICIPANTS = "participants";
    static final String CALL_DATE = "callDate";
    /** Read-only on "Record the call": the day it was held; new action items are due after it. */
    static final String CALL_DAY = "callDay";
    static final String CALL_TIME = "callTime";
    static final String CALL_MINUTES = "callMinutes";
    static final String CALL_FORMAT = "callFormat";
    /** The reschedule form's one field for the site or the link. */
    static final String CALL_LOCATION = "callLocation";
    static final String CALL_SITE = "callSite";
    static final String CALL_LINK = "callLink";
    /** ONE_TIME or POLL on the schedule form. */
    static final String SCHEDULING = "schedulingMode";
    /** The poll's slots, one per line: date | time. */
    static final String POLL_SLOTS = "pollSlots";
    /** Per slot n (1 to 5): pollSlot{n} shows it to the person, pollAnswer{n} takes their answer. */
    static final String POLL_SLOT = "pollSlot";
    static final String POLL_ANSWER = "pollAnswer";
    /** The officer's forms: each slot's answers; which slot the officer picks. */
    static final String POLL_TALLY = "pollTally";
    static final String POLL_CHOICE = "pollChoice";
    /** The schedule form after a poll found no time: what happened. */
    static final String POLL_NOTE = "pollNote";
    /** On site: the host, what visitors need to know, whether the operations are visited. */
    static final String CALL_HOST = "callHost";
    static final String CALL_TRAVEL = "callTravel";
    static final String OPERATIONS_VISIT = "operationsVisit";
    /** "Register the visitors": who comes, and the host's note. */
    static final String VISITORS = "visitors";
    static final String VISITORS_NOTE = "visitorsNote";
    static final String VISITORS_REGISTERED = "visitorsRegistered";
    /** "Record the call": travel per line, user | hours | cost. */
    static final String TRAVEL = "travel";
    static final String RESPONSE = "attendanceResponse";
    static final String RESPONSE_NOTE = "attendanceNote";
    static final String RESPONSES = "attendanceResponses";
    static final String ATTENDANCE = "attendance";
    static final String MINUTES = "minutes";
    static final String DECISIONS = "decisions";
    static final String SUCCESSES = "successes";
    static final String LESSONS_LEARNED = "lessonsLearned";
    static final String RISKS = "risks";
    static final String MILESTONE_UPDATES = "milestoneUpdates";
    static final String ACTION_ITEMS = "actionItems";
    static final String MINUTES_TEXT = "minutesText";
    static final String REJECTIONS = "minutesRejections";
    static final String SIGN_OFF_DECISION = "signOffDecision";
    static final String SIGN_OFF_REASON = "signOffReason";
    static final String SIGN_OFF_NEXT_STEP = "signOffNextStep";
    static final String SATISFACTION_SCORE = "satisfactionScore";
    static final String SATISFACTION_COMMENT = "satisfactionComment";

    static final String INVITATION = "invitation";

    private ReviewCallProcess() {
    }

    /** After the call is scheduled or moved: who answers (the attendance round's collection), by when, and when it starts. */
    static void callScheduled(DelegateExecution execution, ReviewService.Scheduled scheduled) {
        execution.setVariable(INVITEES, ProcessVariable.list(scheduled.invitees()));
        ATTENDANCE_DEADLINE.set(execution, scheduled.attendanceDeadline().toString());
        CALL_STARTS_AT.set(execution, scheduled.startsAt().toString());
        VISIT_HOST.set(execution, scheduled.visitHost());
    }

    /** The on-site details of the schedule form. */
    static OnSiteVisits.OnSite onSite(DelegateTask task) {
        return new OnSiteVisits.OnSite(FormValues.text(FormValues.submitted(task, CALL_HOST)),
                FormValues.text(FormValues.submitted(task, CALL_TRAVEL)),
                Boolean.TRUE.equals(FormValues.bool(FormValues.submitted(task, OPERATIONS_VISIT))));
    }

    /** After a poll round opened: who answers and until when. */
    static void pollOpened(DelegateExecution execution, SchedulingPollService.Opened opened) {
        POLL_ID.set(execution, opened.pollId());
        execution.setVariable(POLL_RESPONDENTS, ProcessVariable.list(opened.respondents()));
        POLL_CLOSES_AT.set(execution, opened.closesAt().toString());
    }

    /** Puts the minutes' text fields on the task, from the review or empty, so the form's values stay with the task. */
    static void minutesFieldsOn(DelegateTask task, Review review) {
        task.setVariableLocal(MINUTES, review == null ? null : FormValues.shown(review.getMinutes()));
        task.setVariableLocal(DECISIONS, review == null ? null : FormValues.shown(review.getDecisions()));
        task.setVariableLocal(SUCCESSES, review == null ? null : FormValues.shown(review.getSuccesses()));
        task.setVariableLocal(LESSONS_LEARNED, review == null ? null : FormValues.shown(review.getLessonsLearned()));
        task.setVariableLocal(RISKS, review == null ? null : FormValues.shown(review.getRisks()));
    }
}
