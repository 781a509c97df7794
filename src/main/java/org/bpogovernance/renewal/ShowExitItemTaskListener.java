package org.bpogovernance.renewal;

import java.time.LocalTime;
import java.util.Date;
import org.bpogovernance.engagement.EngagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Complete the exit item" gives it to the item's owner, due at 17:00 on the item's date. */
@Component
class ShowExitItemTaskListener implements TaskListener {

    private final ExitService exitService;
    private final EngagementService engagements;

    ShowExitItemTaskListener(ExitService exitService, EngagementService engagements) {
        this.exitService = exitService;
        this.engagements = engagements;
    }

    @Override
    public void notify(DelegateTask task) {
        ExitItem item = exitService.item(RenewalProcess.EXIT_ITEM_ID.required(task));
        task.setVariableLocal(RenewalProcess.EXIT_ITEM_TEXT, exitService.itemText(item.getId()));
        task.setVariableLocal(RenewalProcess.EXIT_ITEM_NOTE, null);
        task.setDescription(item.getCategory() + ": " + item.getDescription());
        task.setDueDate(Date.from(item.getDueDate().atTime(LocalTime.of(17, 0))
                .atZone(engagements.forProcess(item.getEngagementId()).zone()).toInstant()));
        task.setAssignee(item.getOwner());
    }
}
