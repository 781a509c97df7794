package org.bpogovernance.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.platform.DeployedStartForms;
import org.bpogovernance.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * "Raise an escalation" offers the engagements the person is on (officers: every open one) as a
 * choice instead of a contract reference to type. Whom it may be raised for is still checked when
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
        field.put("description", "The engagements you are on");
        if (field.get("validate") instanceof ObjectNode validate) {
            validate.remove("maxLength");
        }
        ArrayNode values = field.putArray("values");
        engagements.search(null, null, null, PageRequest.of(0, MAX_CHOICES, Sort.by("name"))).stream()
                .filter(engagement -> engagement.getPhase() != Phase.CLOSED)
                .forEach(engagement -> values.addObject()
                        .put("label", engagement.getName() + " (" + engagement.getContractReference() + ")")
                        .put("value", engagement.getContractReference()));
    }
}
