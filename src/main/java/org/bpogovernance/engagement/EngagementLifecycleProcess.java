package org.bpogovernance.engagement;

import java.util.List;
import org.bpogovernance.platform.ProcessVariable;

/** The engagement-lifecycle process (bpmn/engagement-lifecycle.bpmn) and its own variables. */
final class EngagementLifecycleProcess {

    static final String KEY = "engagement-lifecycle";
    /** Local input of each "enter phase" step. */
    static final ProcessVariable<String> PHASE = ProcessVariable.of("phase", String.class);

    /** The fields of the Tasklist start form (registerEngagementForm); removed once registered. */
    static final List<String> START_FORM_FIELDS = List.of("name", "client", "provider", "serviceScope",
            "contractReference", "termStart", "termEnd", "noticePeriodDays", "timeZone", "siteAddress",
            "remoteMeetingLink", "clientRepresentative", "providerManager", "governanceOfficer");

    private EngagementLifecycleProcess() {
    }
}
