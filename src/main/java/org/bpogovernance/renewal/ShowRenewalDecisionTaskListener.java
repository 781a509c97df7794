package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Decide on renewal" puts the term summary, the recommendation and a suggested next term on the form. */
@Component
class ShowRenewalDecisionTaskListener implements TaskListener {

    private final RenewalService renewalService;

    ShowRenewalDecisionTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = RenewalProcess.RENEWAL_REVIEW_ID.required(task);
        RenewalReview review = renewalService.find(reviewId);
        task.setVariableLocal(RenewalProcess.TERM_SUMMARY, FormValues.shown(review.getSummaryText()));
        task.setVariableLocal(RenewalProcess.RECOMMENDATION_TEXT, renewalService.recommendationText(reviewId));
        task.setVariableLocal(RenewalProcess.DECISION_FIELD, null);
        task.setVariableLocal(RenewalProcess.RENEWAL_RATIONALE, null);
        task.setVariableLocal(RenewalProcess.METRIC_CHANGES, null);
        renewalService.suggestedNextTerm(ENGAGEMENT_ID.required(task)).forEach(task::setVariableLocal);
        task.setDescription("Term " + review.getTermNumber() + ": recommended " + review.getRecommendation());
    }
}
