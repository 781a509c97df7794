package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Prepare the term summary and recommendation": opens the term's renewal review; sets who decides and by when. */
@Component
class PrepareTermSummaryDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    PrepareTermSummaryDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long engagementId = ENGAGEMENT_ID.required(execution);
        RenewalReview review = renewalService.open(engagementId, execution.getProcessInstanceId());
        RenewalProcess.RENEWAL_REVIEW_ID.set(execution, review.getId());
        RenewalProcess.RECOMMENDATION.set(execution, review.getRecommendation().name());
        RenewalProcess.DECIDERS.set(execution, String.join(",", renewalService.deciders(engagementId)));
        RenewalProcess.NOTICE_DATE_AT.set(execution, renewalService.noticeDateAt(engagementId).toString());
        RenewalProcess.TERM_ENDS_AT.set(execution, renewalService.termEndsAt(engagementId).toString());
    }
}
