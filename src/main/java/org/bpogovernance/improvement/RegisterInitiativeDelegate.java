package org.bpogovernance.improvement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.math.BigDecimal;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register the initiative": someone proposed it from Tasklist's start form. */
@Component
class RegisterInitiativeDelegate implements JavaDelegate {

    private final InitiativeService initiatives;
    private final EngagementService engagements;

    RegisterInitiativeDelegate(InitiativeService initiatives, EngagementService engagements) {
        this.initiatives = initiatives;
        this.engagements = engagements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Initiative initiative = UserInput.check(() -> initiatives.registerFromStartForm(execution.getProcessInstanceId(),
                FormValues.text(execution.getVariable(InitiativeProcess.CONTRACT_REFERENCE)),
                new InitiativeProposal(InitiativeProcess.TITLE.from(execution),
                        FormValues.text(execution.getVariable(InitiativeProcess.PROBLEM)),
                        FormValues.text(execution.getVariable(InitiativeProcess.IDEA)),
                        FormValues.text(execution.getVariable(InitiativeProcess.METRIC)),
                        number(InitiativeProcess.BASELINE, execution.getVariable(InitiativeProcess.BASELINE)),
                        number(InitiativeProcess.TARGET, execution.getVariable(InitiativeProcess.TARGET)),
                        choice(Initiative.Size.class, execution.getVariable(InitiativeProcess.SIZE.name())),
                        FormValues.wholeNumberOrNull(InitiativeProcess.EFFORT_DAYS.name(),
                                execution.getVariable(InitiativeProcess.EFFORT_DAYS.name())),
                        choice(Initiative.Risk.class, execution.getVariable(InitiativeProcess.RISK.name())))));
        for (String field : InitiativeProcess.START_FORM_FIELDS) {
            execution.removeVariable(field);
        }
        Engagement engagement = engagements.forProcess(initiative.getEngagementId());
        ENGAGEMENT_ID.set(execution, engagement.getId());
        InitiativeProcess.INITIATIVE_ID.set(execution, initiative.getId());
        InitiativeProcess.variables(engagement, engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER),
                initiative, initiatives.assessor(engagement.getId(), StakeholderRole.CLIENT_REPRESENTATIVE),
                initiatives.assessor(engagement.getId(), StakeholderRole.PROVIDER_MANAGER)).forEach(execution::setVariable);
        execution.setProcessBusinessKey(InitiativeProcess.businessKey(initiative));
    }

    private static BigDecimal number(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "must be a number, not " + value);
        }
    }

    /** An unknown choice is left out, so the service names the field with the choices it takes. */
    private static <E extends Enum<E>> E choice(Class<E> type, Object value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.toString().trim());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
