package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register engagement": an officer started the lifecycle from the Tasklist start form. */
@Component
class RegisterEngagementDelegate implements JavaDelegate {

    private final EngagementService engagementService;

    RegisterEngagementDelegate(EngagementService engagementService) {
        this.engagementService = engagementService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Engagement engagement = UserInput.check(() -> engagementService.registerFor(
                execution.getProcessInstanceId(), fromStartForm(execution)));
        execution.removeVariables(EngagementLifecycleProcess.START_FORM_FIELDS);
        ENGAGEMENT_ID.set(execution, engagement.getId());
        ENGAGEMENT_NAME.set(execution, engagement.getName());
        GOVERNANCE_OFFICER.set(execution, engagementService.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER));
        execution.setProcessBusinessKey(engagement.getContractReference());
    }

    /** The start form's fields; a value of the wrong shape is refused naming its field (inside UserInput.check). */
    private static EngagementRequest fromStartForm(DelegateExecution execution) {
        return new EngagementRequest(text(execution, "name"), text(execution, "client"), text(execution, "provider"),
                text(execution, "serviceScope"), text(execution, "contractReference"),
                FormValues.date("termStart", execution.getVariable("termStart")),
                FormValues.date("termEnd", execution.getVariable("termEnd")),
                FormValues.wholeNumber("noticePeriodDays", execution.getVariable("noticePeriodDays")),
                text(execution, "timeZone"), text(execution, "siteAddress"), text(execution, "remoteMeetingLink"),
                null, text(execution, "clientRepresentative"), text(execution, "providerManager"),
                text(execution, "governanceOfficer"), null);
    }

    private static String text(DelegateExecution execution, String name) {
        return FormValues.text(execution.getVariable(name));
    }
}
