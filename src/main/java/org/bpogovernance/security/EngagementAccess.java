package org.bpogovernance.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bpogovernance.platform.EngineAsSystem;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engagement-scoped access model on Camunda's side (docs/security.md).
 *
 * <p>Each engagement has a group of its own, {@code engagement-<id>}, whose members are exactly
 * its stakeholders. Each process instance of the engagement grants that group READ on the
 * instance and on its history; each stakeholder is readable (name, for forms and Tasklist) by
 * the group. Nobody but officers and administrators holds a grant on {@code *} for instances,
 * history, tasks, users or groups, so Tasklist, Cockpit, history and {@code /engine-rest} show a
 * person the engagements they are on and nothing else. Tasks keep the engine's own per-task
 * grants for their assignee and candidates.
 */
@Service
public class EngagementAccess {

    static final String GROUP_PREFIX = "engagement-";
    static final String GROUP_TYPE = "ENGAGEMENT";
    private static final Object WRITES_OF_THIS_TRANSACTION = new Object();

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TaskService taskService;
    private final EngineAsSystem asSystem;

    EngagementAccess(IdentityService identityService, AuthorizationService authorizationService,
            TaskService taskService, EngineAsSystem asSystem) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.taskService = taskService;
        this.asSystem = asSystem;
    }

    public static String groupOf(long engagementId) {
        return GROUP_PREFIX + engagementId;
    }

    /** A person became a stakeholder: they see the engagement's processes, and its people see them. */
    public void joined(long engagementId, String engagementName, String userId) {
        asSystem.run(() -> {
            String group = ensureGroup(engagementId, engagementName);
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0
                    && firstInThisTransaction("member:" + group + ":" + userId)) {
                identityService.createMembership(userId, group);
            }
            grant(group, USER, userId);
        });
    }

    /**
     * A person is no longer a stakeholder: they leave the group, their open tasks of the
     * engagement go to the successor (an assignment) or lose them (a candidacy), and the
     * engine's per-task grants of theirs on those tasks are removed.
     */
    public void left(long engagementId, String userId, String successor) {
        asSystem.run(() -> {
            String group = groupOf(engagementId);
            identityService.deleteMembership(userId, group);
            revoke(group, USER, userId);
            List<String> instances = runningInstancesOf(engagementId);
            if (instances.isEmpty()) {
                return;
            }
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                if (userId.equals(task.getAssignee())) {
                    taskService.setAssignee(task.getId(), successor);
                }
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (userId.equals(link.getUserId()) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        taskService.deleteCandidateUser(task.getId(), userId);
                    }
                }
                for (Resource resource : List.of(TASK, HISTORIC_TASK)) {
                    authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(resource)
                            .resourceId(task.getId()).list()
                            .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
                }
            }
        });
    }

    /** A process instance of the engagement started: its stakeholders may read it and its history. */
    public void opened(long engagementId, String processInstanceId) {
        asSystem.run(() -> {
            String group = groupOf(engagementId);
            grant(group, PROCESS_INSTANCE, processInstanceId);
            grant(group, HISTORIC_PROCESS_INSTANCE, processInstanceId);
        });
    }

    /** The instance ended: the runtime grant goes (the engine keeps no instance grants of its own); history stays readable. */
    public void ended(String processInstanceId) {
        asSystem.run(() -> authorizationService.createAuthorizationQuery().resourceType(PROCESS_INSTANCE)
                .resourceId(processInstanceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId())));
    }

    /** The running process instances of an engagement, as its grants record them. */
    public List<String> runningInstancesOf(long engagementId) {
        return asSystem.call(() -> authorizationService.createAuthorizationQuery().groupIdIn(groupOf(engagementId))
                .resourceType(PROCESS_INSTANCE).list().stream().map(Authorization::getResourceId).toList());
    }

    /** Engagement ids that already have their group: the rest predate this access model. */
    public Set<Long> engagementsWithGroups() {
        Set<Long> ids = new HashSet<>();
        for (Group group : asSystem.call(() -> identityService.createGroupQuery().groupType(GROUP_TYPE).list())) {
            if (group.getId().startsWith(GROUP_PREFIX)) {
                ids.add(Long.valueOf(group.getId().substring(GROUP_PREFIX.length())));
            }
        }
        return ids;
    }

    /** Process instances (running and historic) that carry grants to some engagement already. */
    public Set<String> instancesWithGrants() {
        Set<String> ids = new HashSet<>();
        asSystem.run(() -> authorizationService.createAuthorizationQuery().resourceType(HISTORIC_PROCESS_INSTANCE).list()
                .forEach(authorization -> ids.add(authorization.getResourceId())));
        return ids;
    }

    /** Grants for instances that started before this access model: running ones also get the runtime grant. */
    public void openedEarlier(long engagementId, Collection<String> running, Collection<String> finished) {
        asSystem.run(() -> {
            String group = groupOf(engagementId);
            running.forEach(id -> grant(group, PROCESS_INSTANCE, id));
            running.forEach(id -> grant(group, HISTORIC_PROCESS_INSTANCE, id));
            finished.forEach(id -> grant(group, HISTORIC_PROCESS_INSTANCE, id));
        });
    }

    private String ensureGroup(long engagementId, String engagementName) {
        String groupId = groupOf(engagementId);
        if (identityService.createGroupQuery().groupId(groupId).count() == 0 && firstInThisTransaction("group:" + groupId)) {
            Group group = identityService.newGroup(groupId);
            group.setName(engagementName == null ? "Engagement " + engagementId : "Engagement: " + engagementName);
            group.setType(GROUP_TYPE);
            identityService.saveGroup(group);
        }
        return groupId;
    }

    private void grant(String group, Resource resource, String resourceId) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0
                || !firstInThisTransaction("grant:" + group + ":" + resource.resourceType() + ":" + resourceId)) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(resource == HISTORIC_PROCESS_INSTANCE ? HistoricProcessInstancePermissions.READ : READ);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Whether this write is the first of its kind in the running transaction. Inside one engine
     * command (a process step registering an engagement and its people) the engine writes its
     * inserts only at the end, so its queries cannot see an earlier insert of the same command.
     */
    private static boolean firstInThisTransaction(String write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Set<String> done = (Set<String>) TransactionSynchronizationManager.getResource(WRITES_OF_THIS_TRANSACTION);
        if (done == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(WRITES_OF_THIS_TRANSACTION, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WRITES_OF_THIS_TRANSACTION);
                }
            });
            done = fresh;
        }
        return done.add(write);
    }

    private void revoke(String group, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }
}
