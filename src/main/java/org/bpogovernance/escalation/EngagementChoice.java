package org.bpogovernance.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.DeployedStartForms;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Raise an escalation" offers the open engagements the person is on as a choice to search,
 * instead of a contract reference to type; officers get theirs first, then the rest of the
 * portfolio up to {@value #MAX_CHOICES}. Whom it may be raised for is still checked when
 * it starts ({@link EscalationStartCheck}, {@link EscalationService#registerFromStartForm}).
 */
@Component
class EngagementChoice implements DeployedStartForms {

    static final String FORM_ID = "raiseEscalationForm";
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
        if (!form.contains("\"" + FORM_ID + "\"") || currentUser.id().isEmpty()) {
            return form;
        }
        try {
            ObjectNode root = (ObjectNode) json.readTree(form);
            if (!FORM_ID.equals(root.path("id").asText())) {
                return form;
            }
            for (var component : root.path("components")) {
                if (component instanceof ObjectNode field
                        && EscalationProcess.CONTRACT_REFERENCE.equals(field.path("key").asText())) {
                    offerEngagements(field);
                }
            }
            return json.writeValueAsString(root);
        } catch (IOException | ClassCastException notOurs) {
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
