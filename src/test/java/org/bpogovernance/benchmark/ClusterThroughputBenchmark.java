package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.ServiceProcess;
import org.bpogovernance.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Jobs executed per second by one node and by two nodes of the service on one PostgreSQL
 * database: {@code benchmark.cluster.instances} instances (2 000 by default) of a model with
 * three asynchronous steps are started while their job definitions are suspended, then the jobs are
 * activated and the clock runs until every instance has ended. One node, then a second node
 * joins, alternating for three rounds. Writes {@code target/benchmarks/cluster-postgresql.md}.
 */
@Tag("benchmark")
@Tag("database")
class ClusterThroughputBenchmark {

    static final int INSTANCES = Integer.getInteger("benchmark.cluster.instances", 2000);
    static final int JOBS_PER_INSTANCE = 3;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";

    @Test
    void jobsPerSecondOnOneAndOnTwoNodes() throws Exception {
        assumeTrue(TestDatabase.onPostgres() && TestDatabase.preparePostgres(), "the cluster benchmark runs on PostgreSQL");
        String url = TestDatabase.freshSideDatabase("governance_cluster_bench")[0];
        String[] arguments = {"--spring.profiles.active=postgres,test,test-postgres", "--spring.datasource.url=" + url,
                "--camunda.bpm.job-execution.enabled=true", "--governance.demo.engagements=false"};
        List<Double> oneNode = new ArrayList<>();
        List<Double> twoNodes = new ArrayList<>();
        try (ServiceProcess nodeA = ServiceProcess.start("cluster-bench-a", arguments)) {
            TestRestTemplate a = nodeA.http();
            assertThat(Modeler.deploy(a, "olivia", "demo", "job-throughput.bpmn", Modeler.testModel("job-throughput.bpmn"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            ServiceProcess nodeB = ServiceProcess.start("cluster-bench-b", arguments);
            try {
                for (int round = 0; round < 3; round++) {
                    nodeB.stop();
                    oneNode.add(jobsPerSecond(a));
                    nodeB.restart();
                    twoNodes.add(jobsPerSecond(a));
                }
            } finally {
                nodeB.stop();
            }
        }
        double one = BenchmarkEngagements.median(oneNode);
        double two = BenchmarkEngagements.median(twoNodes);
        BenchmarkEngagements.write("cluster", List.of(String.format(Locale.ROOT,
                "| jobs executed per second, %,d instances × %d asynchronous steps, PostgreSQL (median of 3) | %,.0f/s on two nodes "
                        + "| %,.0f/s on one node | %.2fx | — |", INSTANCES, JOBS_PER_INSTANCE, two, one, two / one)));
    }

    /** Starts the instances with their jobs suspended, activates the jobs and times until all instances have ended. */
    private static double jobsPerSecond(TestRestTemplate rest) {
        suspendJobs(rest, true);
        long endedBefore = ended(rest);
        for (int i = 0; i < INSTANCES; i++) {
            assertThat(postJson(rest, ADMIN, ADMIN_PASSWORD, "/engine-rest/process-definition/key/job-throughput/start", "{}")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        long start = System.nanoTime();
        suspendJobs(rest, false);
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (ended(rest) - endedBefore < INSTANCES) {
            assertThat(System.nanoTime()).as("all instances ended within 10 minutes").isLessThan(deadline);
            ServiceProcess.sleep(Duration.ofMillis(100));
        }
        return INSTANCES * JOBS_PER_INSTANCE / ((System.nanoTime() - start) / 1e9);
    }

    private static void suspendJobs(TestRestTemplate rest, boolean suspended) {
        var answer = org.bpogovernance.testing.Http.exchange(rest, ADMIN, ADMIN_PASSWORD, org.springframework.http.HttpMethod.PUT,
                "/engine-rest/job-definition/suspended", "{\"processDefinitionKey\": \"job-throughput\", \"suspended\": "
                        + suspended + ", \"includeJobs\": true}");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static long ended(TestRestTemplate rest) {
        return ((Number) Json.read(get(rest, ADMIN, ADMIN_PASSWORD,
                "/engine-rest/history/process-instance/count?processDefinitionKey=job-throughput&finished=true").getBody(), "$.count"))
                .longValue();
    }
}
