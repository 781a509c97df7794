package org.bpogovernance.engagement;

import org.bpogovernance.platform.ProcessVariable;

/** Variables every governance process of an engagement carries: ids and names only. */
public final class EngagementVariables {

    public static final ProcessVariable<Long> ENGAGEMENT_ID = ProcessVariable.of("engagementId", Long.class);
    /** Shown in Tasklist so a participant sees which engagement a task belongs to. */
    public static final ProcessVariable<String> ENGAGEMENT_NAME = ProcessVariable.of("engagementName", String.class);
    public static final ProcessVariable<String> GOVERNANCE_OFFICER = ProcessVariable.of("governanceOfficer", String.class);

    private EngagementVariables() {
    }
}
