package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Milestones as an officer keeps them: a change that leaves the status out keeps it. */
@GovernanceTest
class MilestoneApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void movingTheDueDateKeepsTheStatusAndAStaleVersionIsRefused() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        LocalDate due = LocalDate.now().plusMonths(2);
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", engagement.path() + "/milestones", """
                {"title": "Wave 3 go-live", "dueDate": "%s", "owner": "peter", "status": "AT_RISK"}""".formatted(due));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String path = engagement.path() + "/milestones/" + Json.read(created.getBody(), "$.id");
        Number version = Json.read(created.getBody(), "$.version");

        ResponseEntity<String> moved = exchange(rest, "olivia", "demo", HttpMethod.PUT, path, """
                {"title": "Wave 3 go-live", "dueDate": "%s", "owner": "peter", "version": %s}""".formatted(due.plusWeeks(2), version));
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);
        String milestone = get(rest, "clara", "demo", path).getBody();
        assertThat((String) Json.read(milestone, "$.dueDate")).isEqualTo(due.plusWeeks(2).toString());
        assertThat((String) Json.read(milestone, "$.status")).as("still at risk").isEqualTo("AT_RISK");

        ResponseEntity<String> stale = exchange(rest, "olivia", "demo", HttpMethod.PUT, path, """
                {"title": "Wave 3", "dueDate": "%s", "owner": "peter", "status": "DONE", "version": %s}""".formatted(due, version));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) Json.read(get(rest, "clara", "demo", path).getBody(), "$.title")).isEqualTo("Wave 3 go-live");
    }
}
