package org.bpogovernance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sign-out}, the button of the product's refusal pages: ends the browser's session,
 * and so the person's login to every webapp, then opens Tasklist's login page. The webapps' own
 * sign-out needs their CSRF token, which a plain page cannot send. Refused from other sites, so no
 * page elsewhere can sign people out.
 */
@RestController
class SignOutController {

    static final String PATH = "/sign-out";

    @PostMapping(PATH)
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + "/camunda/app/tasklist/default/#/login")).build();
    }
}
