package org.bpogovernance.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** The people the engine knows (Camunda's identity service), as the other modules need them. */
@Service
public class UserDirectory {

    public record Person(String id, String displayName, String email, List<String> groups) {

        public boolean hasEmail() {
            return email != null && !email.isBlank();
        }

        public boolean isIn(String groupId) {
            return groups.contains(groupId);
        }
    }

    private final IdentityService identityService;

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean exists(String userId) {
        return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
    }

    public Optional<Person> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).sorted().toList();
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return Optional.of(new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail(), groups));
    }

    public List<String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }
}
