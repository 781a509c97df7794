package org.bpogovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A person working in Camunda Tasklist, through the same {@code /engine-rest} calls Tasklist makes:
 * find their tasks, load the task's deployed form and its variables, submit the form. Every demo
 * user's password is {@code demo}.
 */
public final class Tasklist {

    private final TestRestTemplate rest;

    public Tasklist(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** The user's open tasks (assigned to them) in processes with the business key. */
    public List<String> tasksOf(String user, String businessKey) {
        return Json.read(get(rest, user, "demo", "/engine-rest/task?assignee=" + user
                + "&processInstanceBusinessKey=" + businessKey).getBody(), "$[*].id");
    }

    /** The user's one open task with the given name in processes with the business key. */
    public String taskOf(String user, String businessKey, String taskName) {
        List<String> ids = Json.read(get(rest, user, "demo", "/engine-rest/task?assignee=" + user
                + "&processInstanceBusinessKey=" + businessKey + "&name=" + taskName).getBody(),
                "$[*].id");
        assertThat(ids).as("open tasks '" + taskName + "' of " + user).hasSize(1);
        return ids.get(0);
    }

    /** Claims the user's one candidate task with the given name, as Tasklist's "Claim" does; its id. */
    public String claim(String user, String businessKey, String taskName) {
        List<String> ids = Json.read(get(rest, user, "demo", "/engine-rest/task?candidateUser=" + user
                + "&processInstanceBusinessKey=" + businessKey + "&name=" + taskName).getBody(), "$[*].id");
        assertThat(ids).as("candidate tasks '" + taskName + "' of " + user).hasSize(1);
        ResponseEntity<String> claimed = postJson(rest, user, "demo", "/engine-rest/task/" + ids.get(0) + "/claim",
                "{\"userId\": \"" + user + "\"}");
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return ids.get(0);
    }

    /** Opens the task as Tasklist does: its Camunda Form (checked by id) and its variables, as JSON. */
    public String open(String user, String taskId, String formId) {
        ResponseEntity<String> form = get(rest, user, "demo", "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(form.getBody(), "$.id")).isEqualTo(formId);
        ResponseEntity<String> variables = get(rest, user, "demo", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
        return variables.getBody();
    }

    /** Submits the form with variables in engine-rest's shape ({@code {"name": {"value": ..., "type": ...}}}). */
    public ResponseEntity<String> submit(String user, String taskId, String variables) {
        return postJson(rest, user, "demo", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\": " + variables + "}");
    }

    /** Submits and expects it to be taken. */
    public void submitted(String user, String taskId, String variables) {
        ResponseEntity<String> answer = submit(user, taskId, variables);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
    }

    /** Who a task is offered to, as {@code user <id>} and {@code group <id>}. */
    public static List<String> candidates(TaskService taskService, Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(link -> link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId()).toList();
    }

    /** A JSON value as Tasklist submits a dynamic list or checklist. */
    public static String json(String json) {
        return "{\"type\": \"Json\", \"value\": " + Json.quote(json) + "}";
    }
}
