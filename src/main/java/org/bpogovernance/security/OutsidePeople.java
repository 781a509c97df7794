package org.bpogovernance.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * People whose accounts another system keeps — the organisation's directory, its single sign-on
 * provider — written into the engine's store of people as that system has them: name, mail
 * address and governance groups. Everything else about them (the engagements' groups, officer
 * teams, authorizations) stays the service's, as for built-in users.
 */
final class OutsidePeople {

    /** A person as the other system has them; {@code governanceGroups} null when it did not say (left as they are). */
    record Person(String userId, String firstName, String lastName, String email, Set<String> governanceGroups) {
    }

    /** The other system names someone this service cannot take as theirs; nothing was written. */
    static final class NotTaken extends RuntimeException {
        NotTaken(String message) {
            super(message);
        }
    }

    /** Which system keeps the person; each marks its people with a group of its own, which grants nothing. */
    enum Source {
        DIRECTORY("directory-people", "People from the directory"),
        SINGLE_SIGN_ON("single-sign-on-people", "People who sign in with single sign-on");

        final String groupId;
        final String groupName;

        Source(String groupId, String groupName) {
            this.groupId = groupId;
            this.groupName = groupName;
        }
    }

    private OutsidePeople() {
    }

    /** Runs the work in a transaction of the engine, on its store of people. */
    static <T> T inEngine(ProcessEngine engine, Function<DbIdentityServiceProvider, T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> work.apply((DbIdentityServiceProvider) context.getSession(WritableIdentityProvider.class)));
    }

    /**
     * The person's name, mail address and governance groups as the source has them; writes only what
     * changed. Refused ({@link NotTaken}) for a user id the engine does not accept, and for a user who
     * exists already but came from no outside source: a directory entry or a token naming a built-in
     * user (the administrator, say) must never take that user over.
     */
    static void bringUpToDate(DbIdentityServiceProvider identity, Person person, Source source) {
        if (person.userId() == null || !acceptedUserId().matcher(person.userId()).matches()) {
            throw new NotTaken("the user name '" + person.userId() + "' is not one this service accepts");
        }
        asSystem(() -> {
            UserEntity user = identity.findUserById(person.userId());
            List<String> groups = user == null ? List.of() : groupsOf(identity, person.userId());
            if (user != null && Arrays.stream(Source.values()).noneMatch(outside -> groups.contains(outside.groupId))) {
                throw new NotTaken("'" + person.userId() + "' is a user of this service's own, not one of the "
                        + source.groupName.toLowerCase(Locale.ROOT));
            }
            if (identity.findGroupById(source.groupId) == null) {
                GroupEntity group = (GroupEntity) identity.createNewGroup(source.groupId);
                group.setName(source.groupName);
                group.setType("external");
                identity.saveGroup(group);
            }
            if (user == null) {
                user = (UserEntity) identity.createNewUser(person.userId());
            }
            if (user.getRevision() == 0 || !Objects.equals(user.getFirstName(), person.firstName())
                    || !Objects.equals(user.getLastName(), person.lastName())
                    || !Objects.equals(user.getEmail(), person.email())) {
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.email());
                identity.saveUser(user);
            }
            if (!groups.contains(source.groupId)) {
                identity.createMembership(person.userId(), source.groupId);
            }
            if (person.governanceGroups() == null) {
                return;
            }
            for (String group : GovernanceGroups.ALL) {
                boolean wanted = person.governanceGroups().contains(group);
                if (wanted && !groups.contains(group) && identity.findGroupById(group) != null) {
                    identity.createMembership(person.userId(), group);
                } else if (!wanted && groups.contains(group)) {
                    identity.deleteMembership(person.userId(), group);
                }
            }
        });
    }

    /** Someone the source no longer holds keeps their name on past records but no governance group. */
    static void dropGovernanceGroups(DbIdentityServiceProvider identity, String userId) {
        asSystem(() -> groupsOf(identity, userId).stream().filter(GovernanceGroups.ALL::contains)
                .forEach(group -> identity.deleteMembership(userId, group)));
    }

    static boolean isFrom(DbIdentityServiceProvider identity, String userId, Source source) {
        return userId != null && groupsOf(identity, userId).contains(source.groupId);
    }

    static List<String> peopleFrom(DbIdentityServiceProvider identity, Source source) {
        return identity.createUserQuery(Context.getCommandContext()).memberOfGroup(source.groupId).list().stream()
                .map(User::getId).toList();
    }

    /** The engine's pattern for user ids (application.yaml sets the general one). */
    private static Pattern acceptedUserId() {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        String pattern = configuration.getUserResourceWhitelistPattern() != null
                ? configuration.getUserResourceWhitelistPattern() : configuration.getGeneralResourceWhitelistPattern();
        return Pattern.compile(pattern == null ? "[a-zA-Z0-9]+" : pattern);
    }

    private static List<String> groupsOf(DbIdentityServiceProvider identity, String userId) {
        return identity.createGroupQuery(Context.getCommandContext()).groupMember(userId).list().stream()
                .map(Group::getId).toList();
    }

    /** These writes are the service's, not the signed-in person's: no authorization check. */
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
}
