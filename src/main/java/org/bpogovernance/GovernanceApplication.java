package org.bpogovernance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The BPO governance engine: an embedded Camunda 7 engine with its webapps and REST API, plus
 * the governance domain (engagements, service levels, reviews, actions, escalations, renewal).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovernanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceApplication.class, args);
    }
}
