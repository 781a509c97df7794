package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Agree the amended terms" shows the decision, any refusals, and the terms drafted so far. */
@Component
class ShowAmendmentTaskListener implements TaskListener {

    private final RenewalService renewalService;

    ShowAmendmentTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = RenewalProcess.RENEWAL_REVIEW_ID.required(task);
        RenewalReview review = renewalService.find(reviewId);
        task.setVariableLocal(RenewalProcess.TERM_SUMMARY, FormValues.shown(review.getSummaryText() + "\nDecided: "
                + review.getDecision() + " by " + review.getDecidedBy() + " — " + review.getRationale()));
        task.setVariableLocal(RenewalProcess.REJECTIONS, FormValues.shown(renewalService.amendmentRejections(reviewId)));
        if (review.getNewTermStart() == null) {
            renewalService.suggestedNextTerm(ENGAGEMENT_ID.required(task)).forEach(task::setVariableLocal);
        } else {
            task.setVariableLocal(RenewalProcess.NEW_TERM_START, review.getNewTermStart().toString());
            task.setVariableLocal(RenewalProcess.NEW_TERM_END, review.getNewTermEnd().toString());
            task.setVariableLocal(RenewalProcess.NEW_NOTICE_PERIOD_DAYS, review.getNewNoticePeriodDays());
        }
        task.setVariableLocal(RenewalProcess.AMENDMENT, review.getAmendment());
        task.setVariableLocal(RenewalProcess.METRIC_CHANGES, review.getMetricChanges());
    }
}
