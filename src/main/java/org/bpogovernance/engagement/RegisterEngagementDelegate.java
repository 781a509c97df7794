package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.BadUserRequestException;
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

    private static EngagementRequest fromStartForm(DelegateExecution execution) {
        return new EngagementRequest(text(execution, "name"), text(execution, "client"), text(execution, "provider"),
                text(execution, "serviceScope"), text(execution, "contractReference"),
                date(execution, "termStart"), date(execution, "termEnd"), number(execution, "noticePeriodDays"),
                text(execution, "timeZone"), text(execution, "siteAddress"), text(execution, "remoteMeetingLink"),
                null, text(execution, "clientRepresentative"), text(execution, "providerManager"),
                text(execution, "governanceOfficer"), null);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(DelegateExecution execution, String name) {
        String value = text(execution, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException notADate) {
            throw new BadUserRequestException(name + ": must be a date (yyyy-mm-dd)");
        }
    }

    private static Integer number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value != null && !value.toString().isBlank()) {
            try {
                return Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                throw new BadUserRequestException(name + ": must be a whole number");
            }
        }
        return null;
    }
}
