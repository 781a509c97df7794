package org.bpogovernance.improvement;

import java.util.List;
import java.util.stream.Collectors;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.PeopleDates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating an initiative's task (an assessment, the decision, the benefits review) puts the
 * proposal in words on it, what each side said, the people who may own a pilot and, for the
 * review, the metric measured before and during the pilot; the answer fields start empty.
 */
@Component
class ShowInitiativeTaskListener implements TaskListener {

    private static final List<String> ANSWERS = List.of(InitiativeProcess.VERDICT, InitiativeProcess.ASSESSMENT_COMMENT,
            InitiativeProcess.DECISION_FIELD, InitiativeProcess.DECISION_REASON, InitiativeProcess.OWNER_FIELD,
            InitiativeProcess.MILESTONES, InitiativeProcess.REVIEW_DATE, InitiativeProcess.REVISIT_DATE,
            InitiativeProcess.OUTCOME_FIELD, InitiativeProcess.LESSONS, InitiativeProcess.NEW_REVIEW_DATE);

    private final InitiativeService initiatives;
    private final InitiativeTexts texts;

    ShowInitiativeTaskListener(InitiativeService initiatives, InitiativeTexts texts) {
        this.initiatives = initiatives;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        Long id = InitiativeProcess.INITIATIVE_ID.required(task);
        Initiative initiative = initiatives.forProcess(id);
        task.setVariableLocal(InitiativeProcess.SUMMARY, FormValues.shown(texts.summary(initiative)));
        List<InitiativeAssessment> assessments = initiatives.assessmentsOf(id);
        task.setVariableLocal(InitiativeProcess.ASSESSMENTS, assessments.isEmpty() ? "Not assessed yet."
                : assessments.stream().map(a -> a.getSide().name().charAt(0) + a.getSide().name().substring(1).toLowerCase()
                        + " side (" + a.getAssessedBy() + "): " + a.getVerdict().name().toLowerCase().replace('_', ' ')
                        + (a.getComment() == null ? "" : " — " + a.getComment())).collect(Collectors.joining("\n")));
        task.setVariableLocal(InitiativeProcess.PEOPLE, texts.people(initiative.getEngagementId()));
        if (initiative.getDecisionTier() != null) {
            task.setVariableLocal(InitiativeProcess.TIER_IN_WORDS, InitiativeTexts.tier(initiative.getDecisionTier()));
        }
        if (initiative.getStatus() == Initiative.Status.PILOT) {
            task.setVariableLocal(InitiativeProcess.MEASURED, initiatives.measuredBenefit(id).inWords()
                    + milestones(initiatives.milestonesOf(id)));
        }
        ANSWERS.forEach(field -> task.setVariableLocal(field, null));
        task.setDescription(initiative.getTitle());
    }

    private static String milestones(List<InitiativeMilestone> milestones) {
        return milestones.stream().map(m -> "\n" + PeopleDates.day(m.getDueDate()) + ": " + m.getTitle() + " — "
                + (m.getReachedOn() == null ? "not reached" : "reached on " + PeopleDates.day(m.getReachedOn())))
                .collect(Collectors.joining());
    }
}
