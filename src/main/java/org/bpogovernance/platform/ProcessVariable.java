package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable named once, with its type, beside the process it belongs to
 * ({@code static final ProcessVariable<Long> ENGAGEMENT_ID = ProcessVariable.of("engagementId", Long.class)}).
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    /** The value, or null where the variable is not set. */
    public T from(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (type == Long.class && value instanceof Number number) {
            return type.cast(number.longValue());
        }
        if (type == String.class && !(value instanceof String)) {
            return type.cast(value.toString());
        }
        return type.cast(value);
    }

    /** The value; a missing one is a modelling error, named in the incident. */
    public T required(VariableScope scope) {
        T value = from(scope);
        if (value == null) {
            throw new IllegalStateException("process variable '" + name + "' is not set");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** A list for a multi-instance activity's collection, stored as JSON (the engine keeps no Java-serialised objects). */
    public static TypedValue list(List<?> values) {
        return Variables.objectValue(new ArrayList<>(values))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }
}
