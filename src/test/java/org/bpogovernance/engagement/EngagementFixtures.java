package org.bpogovernance.engagement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;
import org.bpogovernance.testing.Json;

/** Engagement registrations as an officer would send them, with a fresh contract reference each. */
final class EngagementFixtures {

    private EngagementFixtures() {
    }

    static String uniqueReference() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static ObjectNode registration(String contractReference) {
        return Json.object("""
                {"name": "Contoso payroll %1$s", "client": "Contoso Ltd", "provider": "Northwind BPO",
                 "serviceScope": "Payroll for 4,000 employees in three countries",
                 "contractReference": "%1$s", "termStart": "%2$s", "termEnd": "%3$s", "noticePeriodDays": 90,
                 "timeZone": "Europe/Berlin", "siteAddress": "Contoso House, Berlin",
                 "remoteMeetingLink": "https://meet.example.org/contoso",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}
                """.formatted(contractReference, LocalDate.now().plusMonths(1), LocalDate.now().plusMonths(1).plusYears(3)));
    }

    static EngagementRequest request(String contractReference) {
        try {
            return Json.MAPPER.findAndRegisterModules().treeToValue(registration(contractReference), EngagementRequest.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
