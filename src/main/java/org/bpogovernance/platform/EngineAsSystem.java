package org.bpogovernance.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs a piece of engine work as the service itself, past the acting person's Camunda
 * authorizations: keeping the engagement-scoped grants in step needs rights (creating groups
 * and authorizations) that no person holds, and a check of what happened to a task must see
 * it whoever asks. The person's login is put back afterwards, inside a command as outside one.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identityService;

    EngineAsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        var person = identityService.getCurrentAuthentication();
        if (person == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(person);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
