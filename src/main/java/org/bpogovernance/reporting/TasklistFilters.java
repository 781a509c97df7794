package org.bpogovernance.reporting;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasklist shows nothing until a filter exists. Every start-up makes sure the shared filters are
 * there (every governance group may read filters), each showing which engagement a task is for.
 * Camunda's authorizations still apply: a participant sees only tasks granted to them.
 */
@Component
@Order(10)
class TasklistFilters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
    private static final String ME = "${currentUser()}";
    private static final String MY_GROUPS = "${currentUserGroups()}";

    record SharedFilter(String name, String description, int priority, TaskQuery query) {
    }

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (SharedFilter shared : filters()) {
            if (filterService.createFilterQuery().filterName(shared.name()).count() == 0) {
                Filter filter = filterService.newTaskFilter(shared.name())
                        .setQuery(shared.query())
                        .setProperties(Map.of(
                                "description", shared.description(),
                                "priority", shared.priority(),
                                "refresh", true,
                                "variables", List.of(Map.of("name", "engagementName", "label", "Engagement"))));
                filterService.saveFilter(filter);
                log.info("Created the Tasklist filter '{}'", shared.name());
            }
        }
    }

    /** The sign-off tasks of every process: charter, minutes, amendment and exit. */
    static final String[] SIGN_OFF_TASKS = {"userTask_signCharterAsClient", "userTask_signCharterAsProvider",
            "userTask_signOffAsClient", "userTask_signOffAsProvider", "userTask_signAmendment", "userTask_signOffExit"};
    static final String ESCALATION_PROCESS = "escalation";

    /**
     * The filters every governance group reads. Their queries are written for the person who opens
     * them ({@code currentUser()}, {@code currentUserGroups()}), so one filter serves every group.
     */
    private List<SharedFilter> filters() {
        return List.of(
                new SharedFilter("My tasks", "Tasks assigned to me", -10,
                        taskService.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc()),
                new SharedFilter("My group tasks", "Unassigned tasks of my groups", -5,
                        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS)
                                .taskUnassigned().orderByDueDate().asc()),
                new SharedFilter("Sign-offs waiting for me", "Charters, minutes, amendments and exits I am to sign", -8,
                        taskService.createTaskQuery().taskAssigneeExpression(ME).taskDefinitionKeyIn(SIGN_OFF_TASKS)
                                .orderByDueDate().asc()),
                new SharedFilter("Due this week", "My tasks and my groups' tasks due within seven days", -4,
                        mineOrMyGroups().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusDays(7).toDate()}").orderByDueDate().asc()),
                new SharedFilter("Overdue", "My tasks and my groups' tasks past their due date", -3,
                        mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc()),
                new SharedFilter("Escalations", "Escalation levels waiting for me or my groups", -2,
                        taskService.createTaskQuery().processDefinitionKey(ESCALATION_PROCESS)
                                .or().taskAssigneeExpression(ME).taskCandidateUserExpression(ME)
                                .taskCandidateGroupInExpression(MY_GROUPS).endOr()
                                .orderByDueDate().asc()));
    }

    private TaskQuery mineOrMyGroups() {
        return taskService.createTaskQuery()
                .or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr();
    }
}
