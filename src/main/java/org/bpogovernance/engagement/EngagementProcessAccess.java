package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.ProcessInstanceListener;
import org.bpogovernance.security.EngagementAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Every process instance that carries an engagement id is readable by that engagement's people
 * while it runs and in history afterwards. Processes raised from a start form learn their
 * engagement in their first step, which opens them the same way ({@link EngagementService#registerFor}).
 */
@Component
class EngagementProcessAccess implements ProcessInstanceListener {

    private final EngagementAccess access;

    EngagementProcessAccess(EngagementAccess access) {
        this.access = access;
    }

    @Override
    public void started(DelegateExecution processInstance) {
        Long engagementId = engagementOf(processInstance);
        if (engagementId != null) {
            access.opened(engagementId, processInstance.getProcessInstanceId());
        }
    }

    @Override
    public void ended(DelegateExecution processInstance) {
        if (engagementOf(processInstance) != null) {
            access.ended(processInstance.getProcessInstanceId());
        }
    }

    /** The engagement id, or null where the instance has none (yet) or an officer started it with something else. */
    private static Long engagementOf(DelegateExecution processInstance) {
        return processInstance.getVariable(ENGAGEMENT_ID.name()) instanceof Number id ? id.longValue() : null;
    }
}
