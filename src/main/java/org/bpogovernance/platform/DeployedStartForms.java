package org.bpogovernance.platform;

/**
 * Fills a start form for the person opening it. Camunda 7's Tasklist gives a start form's Camunda
 * Form no variables (only a task's form gets them), so a choice that depends on the person, such
 * as the engagements they are on, is written into the form as it is served (the deployed form, for
 * {@code /engine-rest} and Tasklist alike, while the person's login is known to the engine).
 */
public interface DeployedStartForms {

    /** The form (a Camunda Form's JSON) as this person should see it; unchanged when it is not this adapter's. */
    String forPerson(String form);
}
