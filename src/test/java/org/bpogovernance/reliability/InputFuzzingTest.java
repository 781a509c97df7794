package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad input for every operation of {@code /api} as the OpenAPI document lists it (path
 * and query parameters of the wrong type, unknown ids, malformed, oversized, wrongly typed and
 * unicode-laden JSON bodies, each field of a plausible body replaced in turn) and for the CSV
 * import: no answer is a 5xx or carries a stack trace, and a refused request changes nothing
 * (row counts and versions of every domain table and the engine's runtime tables before and
 * after). Seeded, so a failure repeats.
 */
@GovernanceTest
class InputFuzzingTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    static final String UNKNOWN_ID = "987654321";
    static final List<String> BAD_PATH_VALUES = List.of(UNKNOWN_ID, "abc", "-1", "1.5", "99999999999999999999999",
            "%F0%9F%99%82", "%00", "x".repeat(3000));
    static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "abc", "2026-13-45", "UNKNOWN", "99999999999999999999",
            "\u202e🙂 名前", "=cmd|' /C calc'!A0", "a&b=c", "x".repeat(5000));
    static final List<String> BAD_JSON_VALUES = List.of("null", "\"\"", "\"   \"", "-1", "0", "1e400", "-9223372036854775809",
            "12.5", "true", "[]", "{}", "\"2026-13-45\"", "\"2026-02-30\"", "\"UNKNOWN_VALUE\"", "\"\\u0000\"",
            "\"名前 🙂 \\u202e\\u200b مرحبا\"", "\"=HYPERLINK(\\\"http://evil.example\\\")\"", "\"<script>alert(1)</script>\"",
            "\"' OR 1=1 --\"", "\"" + "ü".repeat(70_000) + "\"");
    static final List<String> MALFORMED_BODIES = List.of("", "{", "[1,", "nul", "{\"a\":}", "\uFEFF{}", "\"a string\"", "[]",
            "[".repeat(5000) + "]".repeat(5000), "{\"x\": \"" + "a".repeat(5_000_000) + "\"}");
    static final List<String> TABLES = List.of("engagement", "governance_tier", "stakeholder", "onboarding", "charter_sign_off",
            "notification_outbox", "notification_preference", "meeting", "service_metric", "metric_version", "measurement",
            "performance_data_request", "milestone", "review", "agenda_item", "review_attendance", "review_sign_off",
            "action_item", "action_item_due_date_change", "escalation", "escalation_step", "engagement_term", "renewal_review",
            "exit_item", "party_sign_off", "improvement_initiative", "initiative_assessment", "initiative_milestone",
            "initiative_step", "relationship_survey", "survey_response", "audit_entry", "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
            "act_hi_procinst", "act_id_user");

    /** The mails these requests cause are delivered here, not left queued for the test classes after this one. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    final Random random = new Random(SEED);
    final List<String> findings = new ArrayList<>();
    int requests;
    String fingerprint;

    @Test
    void noGeneratedInputGetsA5xxOrChangesAnythingWhenRefused() throws Exception {
        Registered engagement = Engagements.register(rest, LocalDate.now().withDayOfMonth(1).minusMonths(2),
                LocalDate.now().plusYears(2));
        Engagements.defineMetrics(rest, engagement, YearMonth.now().minusMonths(2).toString());
        JsonNode api = objectMapper.readTree(get(rest, "olivia", "demo", "/v3/api-docs").getBody());
        fingerprint = fingerprint();

        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                fuzz(api, path.getKey(), HttpMethod.valueOf(method.getKey().toUpperCase()), method.getValue(), engagement);
                operations++;
            }
        }
        fuzzCsvImport(engagement);

        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(30);
        assertThat(findings).as("findings of " + requests + " requests (seed " + SEED + ")").isEmpty();
        Reliability.awaitOutboxEmpty(rest, java.time.Duration.ofMinutes(2));
    }

    private void fuzz(JsonNode api, String template, HttpMethod method, JsonNode operation, Registered engagement) {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("path".equals(parameter.path("in").asText())) {
                pathParams.add(parameter.path("name").asText());
            } else if ("query".equals(parameter.path("in").asText())) {
                queryParams.add(parameter.path("name").asText());
            }
        });
        String validPath = template;
        for (String name : pathParams) {
            validPath = validPath.replace("{" + name + "}", name.toLowerCase().contains("engagement") || "id".equals(name)
                    ? String.valueOf(engagement.id()) : "1");
        }
        JsonNode schema = jsonSchema(operation);
        String plausible = schema == null ? null : example(api, schema, 0).toString();

        for (String name : pathParams) {
            for (String bad : BAD_PATH_VALUES) {
                String path = template;
                for (String other : pathParams) {
                    path = path.replace("{" + other + "}", other.equals(name) ? bad
                            : other.toLowerCase().contains("engagement") || "id".equals(other) ? String.valueOf(engagement.id()) : "1");
                }
                send(method, path, plausible, MediaType.APPLICATION_JSON);
            }
        }
        for (String name : queryParams) {
            for (String bad : BAD_QUERY_VALUES) {
                send(method, validPath + "?" + name + "=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8),
                        plausible, MediaType.APPLICATION_JSON);
            }
        }
        if (schema == null) {
            if (method != HttpMethod.GET) {
                send(method, validPath, "{\"unexpected\": \"名前 🙂\"}", MediaType.APPLICATION_JSON);
            }
            return;
        }
        for (String malformed : MALFORMED_BODIES) {
            send(method, validPath, malformed, MediaType.APPLICATION_JSON);
        }
        send(method, validPath, plausible, MediaType.TEXT_XML);
        JsonNode body = example(api, schema, 0);
        if (body instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                for (int i = 0; i < 4; i++) {
                    ObjectNode mutated = object.deepCopy();
                    String bad = BAD_JSON_VALUES.get(random.nextInt(BAD_JSON_VALUES.size()));
                    String json = mutated.put(field, "__BAD__").toString().replace("\"__BAD__\"", bad);
                    send(method, validPath, json, MediaType.APPLICATION_JSON);
                }
            }
        }
    }

    private void fuzzCsvImport(Registered engagement) {
        String period = YearMonth.now().minusMonths(1).toString();
        String good = "FTR," + period + ",98\n";
        List<String> badLines = List.of("FTR," + period, "FTR," + period + ",98,extra,columns", "NOPE," + period + ",98",
                "FTR,2026-13,98", "FTR," + period + ",NaN", "FTR," + period + ",1e400", "FTR," + period + ",-Infinity",
                "\"FTR," + period + ",98", "=cmd|' /C calc'!A0," + period + ",98", "FTR,1999-01,98", "名前 🙂," + period + ",98",
                "FTR," + period + "," + "9".repeat(400), "\u0000,\u0000,\u0000", "FTR;" + period + ";98", ",,",
                "FTR," + period + ",98,\"" + "x".repeat(100_000) + "\"");
        for (String bad : badLines) {
            for (String file : List.of(good + bad + "\n", "metric,period,value\n" + good + bad + "\n", "\uFEFF" + bad + "\r\n" + good)) {
                ResponseEntity<String> answer = send(HttpMethod.POST, engagement.path() + "/measurements", file,
                        MediaType.parseMediaType("text/csv"));
                if (answer.getStatusCode().value() != 400 || !answer.getBody().contains("line ")) {
                    findings.add("CSV " + abbreviate(file) + " -> " + answer.getStatusCode() + " without the line named: "
                            + abbreviate(answer.getBody()));
                }
            }
        }
        for (String file : List.of("", "\n\n\n", "metric,period,value\n", "\uFEFF", "a".repeat(20_000_000))) {
            send(HttpMethod.POST, engagement.path() + "/measurements", file, MediaType.parseMediaType("text/csv"));
        }
    }

    /** Sends one request as the governance officer (who may do everything) and checks the answer and the record. */
    private ResponseEntity<String> send(HttpMethod method, String path, String body, MediaType contentType) {
        requests++;
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("olivia", "demo");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
        if (body != null && method != HttpMethod.GET) {
            headers.setContentType(contentType);
        }
        ResponseEntity<String> answer = rest.exchange(java.net.URI.create(rest.getRootUri() + path), method,
                new HttpEntity<>(method == HttpMethod.GET ? null : body, headers), String.class);
        String what = method + " " + abbreviate(path) + " " + abbreviate(body);
        String text = answer.getBody() == null ? "" : answer.getBody();
        if (answer.getStatusCode().is5xxServerError()) {
            findings.add(what + " -> " + answer.getStatusCode() + " " + abbreviate(text));
        }
        if (text.contains("at org.") || text.contains("at java.") || text.contains("Exception:")) {
            findings.add(what + " -> a stack trace or exception in the answer: " + abbreviate(text));
        }
        String after = fingerprint();
        if (answer.getStatusCode().isError() && !after.equals(fingerprint)) {
            findings.add(what + " -> " + answer.getStatusCode() + " but the record changed");
        }
        fingerprint = after;
        return answer;
    }

    private String fingerprint() {
        StringBuilder counts = new StringBuilder();
        for (String table : TABLES) {
            counts.append(table).append('=').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).append(' ');
        }
        for (String table : List.of("engagement", "review", "action_item", "escalation")) {
            counts.append(table).append(".version=")
                    .append(jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM " + table, Long.class)).append(' ');
        }
        return counts.toString();
    }

    private static JsonNode jsonSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        return json.isMissingNode() ? null : json;
    }

    /** A plausible value for the schema: dates of this month, the first enum value, one item per array. */
    private JsonNode example(JsonNode api, JsonNode schema, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return depth > 4 ? nodes.objectNode() : example(api, api.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> nodes.textNode(switch (format) {
                case "date" -> LocalDate.now().plusDays(10).toString();
                case "date-time" -> java.time.OffsetDateTime.now().plusDays(10).toString();
                default -> "Fuzz " + random.nextInt(1000);
            });
            case "integer" -> nodes.numberNode(1 + random.nextInt(5));
            case "number" -> nodes.numberNode(50.5);
            case "boolean" -> nodes.booleanNode(true);
            case "array" -> nodes.arrayNode().add(example(api, schema.path("items"), depth + 1));
            default -> {
                ObjectNode object = nodes.objectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), example(api, property.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + " chars)";
    }
}
