package org.bpogovernance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.springframework.stereotype.Component;

/**
 * The labels of a task's or a start event's Camunda Form (field key → the label the form
 * shows), so that a refusal names the field as the person sees it. Read from the form deployed
 * with the task; each form is parsed once.
 */
@Component
class FormLabels {

    private static final int MAX_FORMS = 500;

    private final FormService forms;
    private final EngineAsSystem asSystem;
    private final ObjectMapper json;
    private final Map<String, Map<String, String>> byForm = new ConcurrentHashMap<>();

    FormLabels(FormService forms, EngineAsSystem asSystem, ObjectMapper json) {
        this.forms = forms;
        this.asSystem = asSystem;
        this.json = json;
    }

    Map<String, String> ofTask(String taskId) {
        return read(() -> forms.getDeployedTaskForm(taskId));
    }

    Map<String, String> ofStartForm(String processDefinitionId) {
        return read(() -> forms.getDeployedStartForm(processDefinitionId));
    }

    private Map<String, String> read(java.util.function.Supplier<InputStream> form) {
        try {
            String text = asSystem.call(() -> {
                try (InputStream in = form.get()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException unreadable) {
                    return "";
                }
            });
            if (byForm.size() > MAX_FORMS) {
                // start forms filled in per person (their choices) vary: keep the cache small
                byForm.clear();
            }
            return byForm.computeIfAbsent(text, this::labels);
        } catch (RuntimeException noForm) {
            // a task without a Camunda Form (completed through /engine-rest): the fields' names in words
            return Map.of();
        }
    }

    private Map<String, String> labels(String form) {
        Map<String, String> labels = new HashMap<>();
        try {
            collect(json.readTree(form), labels);
        } catch (IOException notJson) {
            return Map.of();
        }
        return Map.copyOf(labels);
    }

    private static void collect(JsonNode node, Map<String, String> labels) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            String label = firstText(component, "label", "dateLabel", "timeLabel");
            if (key != null && label != null) {
                // "Reason (required when you reject)": the refusal itself says when
                labels.put(key, label.replaceAll("\\s*\\(required[^)]*\\)$", ""));
            }
            collect(component, labels);
        }
    }

    private static String firstText(JsonNode component, String... names) {
        for (String name : names) {
            String text = component.path(name).asText("");
            if (!text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
