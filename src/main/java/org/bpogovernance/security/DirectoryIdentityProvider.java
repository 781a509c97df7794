package org.bpogovernance.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own store of people and groups, with the organisation's directory in front of it:
 * a person the directory holds signs in with the directory's password, and is brought up to date
 * (name, mail, governance groups) each time they do. Everything else stays in the engine's tables,
 * so the engagements' own groups and the officer teams work for directory people as for built-in
 * users, and built-in users (an administrator, the demo) keep signing in with their own password.
 */
class DirectoryIdentityProvider extends DbIdentityServiceProvider {

    /** Marks the people brought from the directory, so a sync knows whom the directory no longer holds. */
    static final String DIRECTORY_PEOPLE = "directory-people";

    private static final Logger log = LoggerFactory.getLogger(DirectoryIdentityProvider.class);

    private final Directory directory;

    DirectoryIdentityProvider(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        Optional<Directory.Person> person;
        try {
            person = directory.person(userId);
        } catch (RuntimeException unreachable) {
            log.warn("The directory could not be asked about {} ({}); only built-in users can sign in", userId,
                    unreachable.getMessage());
            return !isFromTheDirectory(userId) && super.checkPassword(userId, password);
        }
        if (person.isEmpty()) {
            return !isFromTheDirectory(userId) && super.checkPassword(userId, password);
        }
        if (!directory.passwordMatches(person.get(), password)) {
            return false;
        }
        bringUpToDate(person.get());
        return true;
    }

    private boolean isFromTheDirectory(String userId) {
        return userId != null && existsMembership(userId, DIRECTORY_PEOPLE);
    }

    /** The person's name, mail address and governance groups as the directory has them. */
    void bringUpToDate(Directory.Person person) {
        asSystem(() -> {
            ensureGroup(DIRECTORY_PEOPLE, "People from the directory");
            UserEntity user = findUserById(person.userId());
            if (user == null) {
                user = (UserEntity) createNewUser(person.userId());
            }
            if (user.getRevision() == 0 || !Objects.equals(user.getFirstName(), person.firstName())
                    || !Objects.equals(user.getLastName(), person.lastName())
                    || !Objects.equals(user.getEmail(), person.email())) {
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.email());
                saveUser(user);
            }
            if (!existsMembership(person.userId(), DIRECTORY_PEOPLE)) {
                createMembership(person.userId(), DIRECTORY_PEOPLE);
            }
            for (String group : GovernanceGroups.ALL) {
                boolean member = existsMembership(person.userId(), group);
                boolean wanted = person.governanceGroups().contains(group);
                if (wanted && !member && findGroupById(group) != null) {
                    createMembership(person.userId(), group);
                } else if (member && !wanted) {
                    deleteMembership(person.userId(), group);
                }
            }
        });
    }

    /** Someone the directory no longer holds keeps their name on past records but no governance group. */
    void leftTheDirectory(String userId) {
        asSystem(() -> GovernanceGroups.ALL.stream().filter(group -> existsMembership(userId, group))
                .forEach(group -> deleteMembership(userId, group)));
    }

    List<String> peopleFromTheDirectory() {
        return createUserQuery(Context.getCommandContext()).memberOfGroup(DIRECTORY_PEOPLE).list().stream()
                .map(User::getId).toList();
    }

    private void ensureGroup(String id, String name) {
        if (findGroupById(id) == null) {
            GroupEntity group = (GroupEntity) createNewGroup(id);
            group.setName(name);
            group.setType("directory");
            saveGroup(group);
        }
    }

    /** The directory's writes are the service's, not the signed-in person's: no authorization check. */
    private static void asSystem(Runnable writes) {
        CommandContext context = Context.getCommandContext();
        boolean checking = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
            writes.run();
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
    }

    /** Opens this provider as the engine's identity provider, read-only and writable alike. */
    static final class Factory implements SessionFactory {

        private final Directory directory;

        Factory(Directory directory) {
            this.directory = directory;
        }

        @Override
        public Class<?> getSessionType() {
            return DirectoryIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new DirectoryIdentityProvider(directory);
        }
    }
}
