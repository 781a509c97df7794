package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Draft the agenda from exceptions": standing items and what needs attention. */
@Component
class DraftAgendaDelegate implements JavaDelegate {

    private final ReviewService service;

    DraftAgendaDelegate(ReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.draftAgenda(REVIEW_ID.required(execution));
    }
}
