package org.bpogovernance.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is and which groups they are in; a first call to check a login. */
@RestController
@Tag(name = "Me", description = "Who you are and which groups you are in: a first call to check a login.")
@RequestMapping("/api/me")
class MeController {

    record Me(String id, String firstName, String lastName, String email, List<String> groups) {
    }

    private final IdentityService identityService;

    MeController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @GetMapping
    Me me(Authentication authentication) {
        var user = identityService.createUserQuery().userId(authentication.getName()).singleResult();
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new Me(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), groups);
    }
}
