package org.bpogovernance.security;

import static org.bpogovernance.security.GovernanceGroups.CLIENT_REPRESENTATIVES;
import static org.bpogovernance.security.GovernanceGroups.EXECUTIVE_SPONSORS;
import static org.bpogovernance.security.GovernanceGroups.GOVERNANCE_OFFICERS;
import static org.bpogovernance.security.GovernanceGroups.PROVIDER_MANAGERS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the governance groups and grants them what their members do, at every start-up and
 * without removing what an administrator added in Camunda Admin.
 *
 * <p>Only officers (the whole portfolio) hold grants on {@code *} for process instances, history,
 * tasks, users and groups. Participants get Tasklist; the engine grants them each task they are
 * assignee or candidate of, and {@link EngagementAccess} their engagements' instances and
 * people. Sponsors read Cockpit the same way. Officers run the processes and deploy from
 * Camunda Modeler. See docs/security.md for the whole table.
 */
@Component
@Order(1)
class GroupAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    }

    /** The process keys of bpmn/escalation.bpmn and bpmn/improvement-initiative.bpmn, the processes participants start themselves. */
    static final String ESCALATION_PROCESS = "escalation";
    static final String INITIATIVE_PROCESS = "improvement-initiative";

    static final List<Grant> GRANTS = List.of(
            // Governance officers: Tasklist, Cockpit, deployments from Modeler, all process data.
            new Grant(GOVERNANCE_OFFICERS, APPLICATION, "tasklist", List.of(ACCESS)),
            new Grant(GOVERNANCE_OFFICERS, APPLICATION, "cockpit", List.of(ACCESS)),
            new Grant(GOVERNANCE_OFFICERS, DEPLOYMENT, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, PROCESS_DEFINITION, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, PROCESS_INSTANCE, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, TASK, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, DECISION_DEFINITION, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, HISTORIC_PROCESS_INSTANCE, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, HISTORIC_TASK, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, BATCH, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)),
            new Grant(GOVERNANCE_OFFICERS, FILTER, ANY, List.of(ALL)),
            new Grant(GOVERNANCE_OFFICERS, USER, ANY, List.of(READ)),
            new Grant(GOVERNANCE_OFFICERS, GROUP, ANY, List.of(READ)),
            // Participants: Tasklist, the shared filters and the models; tasks come from the engine's
            // default task permissions (assignee and candidates only), their engagements' process
            // instances and people from the engagement groups (EngagementAccess).
            new Grant(CLIENT_REPRESENTATIVES, APPLICATION, "tasklist", List.of(ACCESS)),
            new Grant(CLIENT_REPRESENTATIVES, FILTER, ANY, List.of(READ)),
            new Grant(CLIENT_REPRESENTATIVES, PROCESS_DEFINITION, ANY, List.of(READ)),
            new Grant(PROVIDER_MANAGERS, APPLICATION, "tasklist", List.of(ACCESS)),
            new Grant(PROVIDER_MANAGERS, FILTER, ANY, List.of(READ)),
            new Grant(PROVIDER_MANAGERS, PROCESS_DEFINITION, ANY, List.of(READ)),
            // Anyone on an engagement may raise an escalation or propose an improvement from Tasklist's
            // "Start process"; each model itself checks the engagement and the variables given.
            new Grant(CLIENT_REPRESENTATIVES, PROCESS_DEFINITION, ESCALATION_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(CLIENT_REPRESENTATIVES, PROCESS_DEFINITION, INITIATIVE_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(CLIENT_REPRESENTATIVES, PROCESS_INSTANCE, ANY, List.of(CREATE)),
            new Grant(PROVIDER_MANAGERS, PROCESS_DEFINITION, ESCALATION_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(PROVIDER_MANAGERS, PROCESS_DEFINITION, INITIATIVE_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(PROVIDER_MANAGERS, PROCESS_INSTANCE, ANY, List.of(CREATE)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_DEFINITION, ESCALATION_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_DEFINITION, INITIATIVE_PROCESS, List.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_INSTANCE, ANY, List.of(CREATE)),
            // Executive sponsors: their own tasks in Tasklist; Cockpit with the models, and the
            // instances and history of their engagements through the engagement groups.
            new Grant(EXECUTIVE_SPONSORS, APPLICATION, "tasklist", List.of(ACCESS)),
            new Grant(EXECUTIVE_SPONSORS, APPLICATION, "cockpit", List.of(ACCESS)),
            new Grant(EXECUTIVE_SPONSORS, FILTER, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, DEPLOYMENT, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
            new Grant(EXECUTIVE_SPONSORS, DECISION_DEFINITION, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(READ)));

    /**
     * Grants on {@code *} that earlier versions gave participants and sponsors and that would let
     * them read every engagement (people, instances, variables, history, the operation log):
     * taken back at start-up from databases that have them.
     */
    static final List<Grant> WITHDRAWN = List.of(
            new Grant(CLIENT_REPRESENTATIVES, USER, ANY, List.of(READ)),
            new Grant(CLIENT_REPRESENTATIVES, GROUP, ANY, List.of(READ)),
            new Grant(PROVIDER_MANAGERS, USER, ANY, List.of(READ)),
            new Grant(PROVIDER_MANAGERS, GROUP, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, USER, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, GROUP, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_DEFINITION, ANY, List.of(
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY)),
            new Grant(EXECUTIVE_SPONSORS, PROCESS_INSTANCE, ANY, List.of(READ)),
            new Grant(EXECUTIVE_SPONSORS, HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
            new Grant(EXECUTIVE_SPONSORS, OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        GovernanceGroups.ALL.forEach(this::ensureGroup);
        GRANTS.forEach(this::ensureGranted);
        WITHDRAWN.forEach(this::withdraw);
        log.info("Governance groups and their authorizations are in place");
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            var group = identityService.newGroup(groupId);
            group.setName(GovernanceGroups.displayName(groupId));
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureGranted(Grant grant) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .list().stream().findFirst()
                .orElseGet(() -> newGrant(grant));
        grant.permissions().forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }

    private void withdraw(Grant grant) {
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.groupId()).resourceType(grant.resource())
                .resourceId(grant.resourceId()).list()) {
            if (grant.permissions().stream().noneMatch(authorization::isPermissionGranted)) {
                continue;
            }
            grant.permissions().forEach(authorization::removePermission);
            if (authorization.getPermissions(Permissions.values()).length == 0
                    && authorization.getPermissions(ProcessDefinitionPermissions.values()).length == 0) {
                authorizationService.deleteAuthorization(authorization.getId());
            } else {
                authorizationService.saveAuthorization(authorization);
            }
            log.info("Withdrew {} on {} {} from {}", grant.permissions(), grant.resource().resourceName(),
                    grant.resourceId(), grant.groupId());
        }
    }

    private Authorization newGrant(Grant grant) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        return authorization;
    }
}
