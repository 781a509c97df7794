package org.bpogovernance.security;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /camunda-welcome}: the webapps' login pages ask whether Camunda's stand-alone
 * distribution, with its welcome page at that address, is installed beside them, and if so show a
 * "first visit" box pointing to it. This service has no such page: the answer is 404, to
 * everyone, and never a login challenge (which made the browser open its own sign-in dialog over
 * the login page). The apps' {@code config.js} also switch the question off ({@code disableWelcomeMessage}).
 */
@RestController
class FirstVisitCheck {

    static final String PATH = "/camunda-welcome";

    @GetMapping(PATH)
    ResponseEntity<Void> noDistributionWelcomePage() {
        return ResponseEntity.notFound().build();
    }
}
