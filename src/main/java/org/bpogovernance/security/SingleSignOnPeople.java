package org.bpogovernance.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The people who sign in with the organisation's OpenID Connect provider: each sign-in (a browser's,
 * or a bearer token on {@code /api} and {@code /engine-rest}) brings the person's name, mail address
 * and governance groups, as the token's claims say, into the engine's store of people, where the
 * engagements' own groups and authorizations already are.
 */
@Component
@Profile("oidc")
class SingleSignOnPeople {

    private static final int TOKENS_REMEMBERED = 10_000;

    private final SingleSignOnSettings settings;
    private final ProcessEngine engine;
    private final IdentityService identityService;
    /** Tokens already brought up to date (issuer and token id) → the person they name. */
    private final Map<String, String> recentTokens = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > TOKENS_REMEMBERED;
        }
    };

    SingleSignOnPeople(SingleSignOnSettings settings, @Lazy ProcessEngine engine, @Lazy IdentityService identityService) {
        this.settings = settings;
        this.engine = engine;
        this.identityService = identityService;
    }

    /**
     * Brings the person the claims describe up to date; their user id. Refused
     * ({@link OutsidePeople.NotTaken}) for a token that names nobody this service can use, or one of
     * its own built-in users.
     */
    String signedIn(Map<String, Object> claims) {
        OutsidePeople.Person person = person(claims);
        try {
            bringUpToDate(person);
        } catch (OutsidePeople.NotTaken refused) {
            throw refused;
        } catch (RuntimeException concurrently) {
            // Two first requests of the same person at once: the other one wrote them; read again.
            bringUpToDate(person);
        }
        return person.userId();
    }

    /** A bearer token's person, brought up to date once per token rather than on every request. */
    String tokenUsed(Jwt token) {
        String key = token.getId() != null ? token.getIssuer() + "#" + token.getId() : token.getTokenValue();
        synchronized (recentTokens) {
            String userId = recentTokens.get(key);
            if (userId != null) {
                return userId;
            }
        }
        String userId = signedIn(token.getClaims());
        synchronized (recentTokens) {
            recentTokens.put(key, userId);
        }
        return userId;
    }

    /** The claim that names the person in these claims: the configured one, else "sub". */
    String userIdClaimIn(Map<String, Object> claims) {
        return claims.get(settings.userIdClaim()) instanceof String name && !name.isBlank() ? settings.userIdClaim() : "sub";
    }

    private void bringUpToDate(OutsidePeople.Person person) {
        OutsidePeople.inEngine(engine, identity -> {
            OutsidePeople.bringUpToDate(identity, person, OutsidePeople.Source.SINGLE_SIGN_ON);
            return null;
        });
    }

    /** The person's groups here: the governance groups and the engagements' and teams' groups. */
    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private OutsidePeople.Person person(Map<String, Object> claims) {
        Object named = claims.get(userIdClaimIn(claims));
        String userId = named instanceof String name ? name : null;
        Object groups = claims.get(settings.groupsClaim());
        if (groups == null) {
            // A token without the claim (an access token the provider was not told to put groups into)
            // says nothing about the groups: they stay as the last sign-in left them.
            return new OutsidePeople.Person(userId, text(claims, settings.firstNameClaim()),
                    text(claims, settings.lastNameClaim()), text(claims, settings.emailClaim()), null);
        }
        Set<String> values = new LinkedHashSet<>();
        if (groups instanceof Collection<?> many) {
            many.forEach(value -> values.add(String.valueOf(value)));
        } else {
            values.add(String.valueOf(groups));
        }
        Set<String> governanceGroups = new LinkedHashSet<>();
        settings.groups().forEach((governanceGroup, value) -> {
            if (values.contains(value)) {
                governanceGroups.add(governanceGroup);
            }
        });
        return new OutsidePeople.Person(userId, text(claims, settings.firstNameClaim()), text(claims, settings.lastNameClaim()),
                text(claims, settings.emailClaim()), governanceGroups);
    }

    private static String text(Map<String, Object> claims, String claim) {
        return claims.get(claim) instanceof String value && !value.isBlank() ? value : null;
    }
}
