package org.bpogovernance.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.naming.directory.SearchControls;
import javax.naming.ldap.LdapName;
import org.springframework.context.annotation.Profile;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.AbstractContextSource;
import org.springframework.ldap.core.support.DefaultIncrementalAttributesMapper;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.query.ContainerCriteria;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * The organisation's directory, read with Spring LDAP: who is in it, in which governance groups
 * (through the directory groups {@code governance.directory.groups} names), and whether a password
 * is theirs (a bind as the person).
 */
@Component
@Profile("ldap")
class Directory {

    /** A person of the directory: their sign-in name, distinguished name (relative to the base) and governance groups. */
    record Person(String userId, String distinguishedName, String firstName, String lastName, String email,
            Set<String> governanceGroups) {

        OutsidePeople.Person asPerson() {
            return new OutsidePeople.Person(userId, firstName, lastName, email, governanceGroups);
        }
    }

    private static final int PAGE_SIZE = 500;

    private final LdapTemplate ldap;
    private final DirectorySettings settings;

    Directory(LdapTemplate ldap, DirectorySettings settings) {
        this.ldap = ldap;
        this.settings = settings;
    }

    /** The person who signs in as {@code userId}, if the directory has them. */
    Optional<Person> person(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        // Only their own groups: a sign-in never reads whole groups, however large they are.
        List<Person> found = ldap.search(people().and(settings.userIdAttribute()).is(userId),
                toPerson(dn -> governanceGroupsOf(absolute(dn))));
        // The directory matches ignoring case, and an entry may carry several ids: only the one
        // entry whose single id is exactly the name typed is that person.
        return found.size() == 1 && userId.equals(found.get(0).userId()) ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Everyone the directory holds under the people base, read a page at a time (Active Directory
     * answers at most 1000 entries to one search); an entry without exactly one id has a null id.
     */
    List<Person> everyone() {
        Map<String, Set<String>> groupsByMember = governanceGroupsByMember();
        ContextMapper<Person> toPerson = toPerson(dn -> groupsByMember.getOrDefault(normalised(dn), Set.of()));
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        PagedResultsDirContextProcessor pages = new PagedResultsDirContextProcessor(PAGE_SIZE);
        List<Person> everyone = new ArrayList<>();
        SingleContextSource.doWithSingleContext(ldap.getContextSource(), operations -> {
            do {
                everyone.addAll(operations.search(settings.usersBase(), people().filter().encode(), controls, toPerson, pages));
            } while (pages.hasMore());
            return null;
        });
        return everyone;
    }

    /**
     * Whether the password is the person's, by binding as them. An empty password is never theirs:
     * the directory would take it as an anonymous bind and succeed.
     */
    boolean passwordMatches(Person person, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try {
            ldap.getContextSource().getContext(absolute(person.distinguishedName()), password).close();
            return true;
        } catch (NamingException | javax.naming.NamingException refused) {
            return false;
        }
    }

    private ContainerCriteria people() {
        return LdapQueryBuilder.query().base(settings.usersBase()).where("objectClass").is(settings.userObjectClass());
    }

    private ContextMapper<Person> toPerson(Function<String, Set<String>> governanceGroupsOfEntry) {
        return context -> {
            DirContextAdapter entry = (DirContextAdapter) context;
            String dn = entry.getDn().toString();
            String[] ids = entry.getStringAttributes(settings.userIdAttribute());
            return new Person(ids != null && ids.length == 1 ? ids[0] : null, dn,
                    entry.getStringAttribute(settings.firstNameAttribute()), entry.getStringAttribute(settings.lastNameAttribute()),
                    entry.getStringAttribute(settings.emailAttribute()),
                    Set.copyOf(governanceGroupsOfEntry.apply(dn)));
        };
    }

    /** The governance groups whose directory groups list the member (their full distinguished name). */
    private Set<String> governanceGroupsOf(String memberDn) {
        Set<String> groups = new LinkedHashSet<>();
        settings.groups().forEach((governanceGroup, directoryGroup) -> {
            LdapQuery group = LdapQueryBuilder.query().base(settings.groupsBase()).attributes(settings.groupNameAttribute())
                    .where("objectClass").is(settings.groupObjectClass()).and(settings.groupNameAttribute()).is(directoryGroup)
                    .and(settings.memberAttribute()).is(memberDn);
            if (!ldap.search(group, (AttributesMapper<Boolean>) attributes -> true).isEmpty()) {
                groups.add(governanceGroup);
            }
        });
        return groups;
    }

    /** Member distinguished name (normalised, relative to the base) → the governance groups its directory groups map to. */
    private Map<String, Set<String>> governanceGroupsByMember() {
        Map<String, Set<String>> byMember = new HashMap<>();
        settings.groups().forEach((governanceGroup, directoryGroup) -> {
            LdapQuery group = LdapQueryBuilder.query().base(settings.groupsBase()).attributes(settings.groupNameAttribute())
                    .where("objectClass").is(settings.groupObjectClass()).and(settings.groupNameAttribute()).is(directoryGroup);
            for (String groupDn : ldap.search(group, (ContextMapper<String>) entry -> ((DirContextAdapter) entry).getDn().toString())) {
                // Active Directory hands out a large group's members in ranges ("member;range=0-1499").
                for (Object member : DefaultIncrementalAttributesMapper.lookupAttributeValues(ldap, groupDn,
                        settings.memberAttribute())) {
                    byMember.computeIfAbsent(normalised(member.toString()), dn -> new LinkedHashSet<>()).add(governanceGroup);
                }
            }
        });
        return byMember;
    }

    /** Members are stored with their full name, search results relative to the base: compare them relative, in one form. */
    private String normalised(String dn) {
        LdapName name = LdapUtils.newLdapName(dn);
        LdapName base = LdapUtils.newLdapName(basePath());
        if (!base.isEmpty() && name.startsWith(base)) {
            name = (LdapName) name.getSuffix(base.size());
        }
        return name.getRdns().stream().map(rdn -> rdn.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private String absolute(String relativeDn) {
        String base = basePath();
        return base.isEmpty() ? relativeDn : relativeDn + "," + base;
    }

    private String basePath() {
        return ldap.getContextSource() instanceof AbstractContextSource source ? source.getBaseLdapPathAsString() : "";
    }
}
