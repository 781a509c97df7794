package org.bpogovernance.renewal;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code governance.renewal.*}: lead times (days before the notice date) of the renewal alerts. */
@Validated
@ConfigurationProperties("governance.renewal")
record RenewalSettings(@NotEmpty @DefaultValue({"120", "90", "60", "30"}) List<Integer> alertLeadDays) {

    int longestLeadDays() {
        return alertLeadDays.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
