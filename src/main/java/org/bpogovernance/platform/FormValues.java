package org.bpogovernance.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Reads what a Camunda Form submitted: form-js sends dates as {@code yyyy-mm-dd}, times as
 * {@code hh:mm}, a checklist as a JSON array (a list or a Spin JSON value in the engine).
 * A value of the wrong shape is an {@link InvalidInputException} naming the field.
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * The longest text a form field holds: the engine stores a String variable in a column of
     * 4000 characters (runtime and history), so a longer one cannot be shown or submitted.
     */
    public static final int MAX_TEXT = 4000;

    private FormValues() {
    }

    /**
     * What a task's form submitted for a field. A field the task was created with (pre-filled by
     * its show listener) lives on the task, and Tasklist's submit-form updates it there; the
     * engine's task complete ({@code /engine-rest/task/{id}/complete}) writes every value to the
     * process instead. So a value the process holds wins and is removed from it: form fields do
     * not stay behind as process variables, and a later task never reads a stale answer.
     */
    public static Object submitted(DelegateTask task, String field) {
        DelegateExecution execution = task.getExecution();
        Object value;
        if (execution != null && execution.hasVariable(field)) {
            value = execution.getVariable(field);
            execution.removeVariable(field);
        } else {
            value = task.getVariable(field);
        }
        if (value instanceof String text && text.length() > MAX_TEXT) {
            InvalidInputException tooLong = new InvalidInputException(field, "must be at most " + MAX_TEXT
                    + " characters, not " + text.length());
            throw new RefusedUserInput(tooLong.getMessage(), tooLong);
        }
        return value;
    }

    /**
     * A text for a form to show, at most {@link #MAX_TEXT} characters; a longer one is cut and ends
     * with {@code continuation} (where to read the rest), or an ellipsis.
     */
    public static String shown(String text, String continuation) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        String tail = "…" + (continuation == null ? "" : "\n" + continuation);
        return text.substring(0, MAX_TEXT - tail.length()) + tail;
    }

    public static String shown(String text) {
        return shown(text, null);
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static LocalDate date(String field, Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException notADate) {
            throw new InvalidInputException(field, "must be a date (yyyy-mm-dd)");
        }
    }

    public static LocalTime time(String field, Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text);
        } catch (DateTimeParseException notATime) {
            throw new InvalidInputException(field, "must be a time (hh:mm)");
        }
    }

    public static Integer wholeNumber(String field, Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    /** Values as a JSON array: what a checklist field of a form shows. */
    public static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    public static List<String> strings(String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        String text = value.toString().trim();
        if (!text.startsWith("[")) {
            return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
        }
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() { });
        } catch (Exception notAList) {
            throw new InvalidInputException(field, "must be a list of values");
        }
    }

    /** A dynamic list of the form (a JSON array of objects, as Tasklist submits it); empty when absent. */
    public static List<Map<String, Object>> records(String field, Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            Object tree = value instanceof String || value.getClass().getName().startsWith("org.camunda.spin")
                    ? JSON.readValue(value.toString(), Object.class) : value;
            if (!(tree instanceof List<?> list)) {
                throw new InvalidInputException(field, "must be a list");
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new InvalidInputException(field, "must be a list of entries");
                }
                Map<String, Object> record = new LinkedHashMap<>();
                map.forEach((k, v) -> record.put(String.valueOf(k), v));
                records.add(record);
            }
            return records;
        } catch (JsonProcessingException notJson) {
            throw new InvalidInputException(field, "must be a list of entries");
        }
    }

    /** A whole number from a form field ({@code null} where empty), naming the field when it is not one. */
    public static Integer wholeNumberOrNull(String field, Object value) {
        if (value instanceof Number number && number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return wholeNumber(field, value);
    }

    /** A value for a form to show and edit (a dynamic list, a table): a JSON variable, as Tasklist expects. */
    public static TypedValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value == null ? null : Boolean.valueOf(value.toString());
    }
}
