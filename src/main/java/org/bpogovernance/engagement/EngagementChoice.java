package org.bpogovernance.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.bpogovernance.platform.DeployedStartForms;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * A start form's field marked {@code "properties": {"engagementChoice": "open"}} (as "Raise an
 * escalation" and "Propose an improvement" mark their engagement field) offers the open
 * engagements the person is on as a choice to search, instead of a contract reference to type;
 * officers get theirs first, then the rest of the portfolio up to {@value #MAX_CHOICES}. Whom the
 * process may be started for is still checked when it starts.
 */
@Component
class EngagementChoice implements DeployedStartForms {

    static final String MARKER = "engagementChoice";
    private static final int MAX_CHOICES = 200;

    private final EngagementService engagements;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    EngagementChoice(EngagementService engagements, CurrentUser currentUser, ObjectMapper json) {
        this.engagements = engagements;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    public String forPerson(String form) {
        if (!form.contains("\"" + MARKER + "\"") || currentUser.id().isEmpty()) {
            return form;
        }
        try {
            JsonNode root = json.readTree(form);
            boolean offered = false;
            for (JsonNode component : root.path("components")) {
                if (component instanceof ObjectNode field && "open".equals(field.path("properties").path(MARKER).asText())) {
                    offerEngagements(field);
                    offered = true;
                }
            }
            return offered ? json.writeValueAsString(root) : form;
        } catch (IOException notAForm) {
            return form;
        }
    }

    private void offerEngagements(ObjectNode field) {
        field.put("type", "select");
        field.put("searchable", true);
        field.put("description", "Open engagements, yours first (type to search)");
        if (field.get("validate") instanceof ObjectNode validate) {
            validate.remove("maxLength");
        }
        ArrayNode values = field.putArray("values");
        engagements.openChoices(MAX_CHOICES)
                .forEach(engagement -> values.addObject()
                        .put("label", engagement.getName() + " (" + engagement.getContractReference() + ")")
                        .put("value", engagement.getContractReference()));
    }
}
