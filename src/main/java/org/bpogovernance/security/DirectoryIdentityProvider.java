package org.bpogovernance.security;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
        UserEntity user = person.isEmpty() ? null : findUserById(userId);
        if (person.isEmpty() || user != null && !isFromOutside(user.getId())) {
            // Someone the directory dropped signs in no more; a built-in user keeps their own password,
            // whatever entry of the same name the directory holds.
            return !isFromTheDirectory(userId) && super.checkPassword(userId, password);
        }
        // The engine's login throttling, on the person's record here: guesses through /api and
        // /engine-rest are slowed and stopped before they lock the person's directory account.
        if (user != null && isUserLocked(user)) {
            return false;
        }
        if (!directory.passwordMatches(person.get(), password)) {
            if (user != null) {
                lockUser(user);
            }
            return false;
        }
        try {
            OutsidePeople.bringUpToDate(this, person.get().asPerson(), OutsidePeople.Source.DIRECTORY);
        } catch (OutsidePeople.NotTaken refused) {
            log.warn("{} may not sign in from the directory: {}", userId, refused.getMessage());
            return false;
        }
        if (user != null && user.getAttempts() > 0) {
            unlockUser(user);
        }
        return true;
    }

    private boolean isFromTheDirectory(String userId) {
        return OutsidePeople.isFrom(this, userId, OutsidePeople.Source.DIRECTORY);
    }

    private boolean isFromOutside(String userId) {
        return Arrays.stream(OutsidePeople.Source.values()).anyMatch(source -> OutsidePeople.isFrom(this, userId, source));
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
