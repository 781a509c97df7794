package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Tasklist shows tasks only through filters: every group finds "My tasks" with the engagement column. */
@GovernanceTest
class TasklistFiltersTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyoneFindsTheirOwnTasksUnderMyTasks() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Litware claims %1$s", "client": "Litware", "provider": "Northwind BPO", "serviceScope": "Claims",
                 "contractReference": "%1$s", "termStart": "2030-01-01", "termEnd": "2032-12-31", "noticePeriodDays": 90,
                 "timeZone": "Europe/Berlin", "clientRepresentative": "clara", "providerManager": "peter",
                 "governanceOfficer": "olivia"}""".formatted(reference));

        for (String user : List.of("olivia", "clara", "peter", "sam")) {
            String filters = get(rest, user, "demo", "/engine-rest/filter?resourceType=Task").getBody();
            assertThat((List<String>) Json.read(filters, "$[*].name")).as(user).contains("My tasks", "My group tasks");
        }
        String filters = get(rest, "olivia", "demo", "/engine-rest/filter?resourceType=Task&name=My tasks").getBody();
        String myTasks = Json.read(filters, "$[0].id");
        assertThat((String) Json.read(filters, "$[0].properties.variables[0].name")).isEqualTo("engagementName");

        List<String> oliviasTasks = Json.read(get(rest, "olivia", "demo", "/engine-rest/filter/" + myTasks
                + "/list?maxResults=500").getBody(), "$[*].assignee");
        assertThat(oliviasTasks).isNotEmpty().containsOnly("olivia");
        List<String> clarasTasks = Json.read(get(rest, "clara", "demo", "/engine-rest/filter/" + myTasks
                + "/list?maxResults=500").getBody(), "$[*].assignee");
        assertThat(clarasTasks).doesNotContain("olivia", "peter");
    }
}
