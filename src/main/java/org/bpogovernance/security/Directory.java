package org.bpogovernance.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.ldap.LdapName;
import org.springframework.context.annotation.Profile;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.AbstractContextSource;
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
    }

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
        Map<String, Set<String>> groupsByMember = governanceGroupsByMember();
        List<Person> found = ldap.search(people().and(settings.userIdAttribute()).is(userId), toPerson(groupsByMember));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Everyone the directory holds under the people base. */
    List<Person> everyone() {
        return ldap.search(people(), toPerson(governanceGroupsByMember()));
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

    private ContextMapper<Person> toPerson(Map<String, Set<String>> groupsByMember) {
        return context -> {
            DirContextAdapter entry = (DirContextAdapter) context;
            String dn = entry.getDn().toString();
            return new Person(entry.getStringAttribute(settings.userIdAttribute()), dn,
                    entry.getStringAttribute(settings.firstNameAttribute()), entry.getStringAttribute(settings.lastNameAttribute()),
                    entry.getStringAttribute(settings.emailAttribute()),
                    Set.copyOf(groupsByMember.getOrDefault(normalised(dn), Set.of())));
        };
    }

    /** Member distinguished name (normalised, relative to the base) → the governance groups its directory groups map to. */
    private Map<String, Set<String>> governanceGroupsByMember() {
        Map<String, Set<String>> byMember = new HashMap<>();
        settings.groups().forEach((governanceGroup, directoryGroup) -> {
            LdapQuery group = LdapQueryBuilder.query().base(settings.groupsBase()).attributes(settings.memberAttribute())
                    .where("objectClass").is(settings.groupObjectClass()).and(settings.groupNameAttribute()).is(directoryGroup);
            for (List<String> members : ldap.search(group, (AttributesMapper<List<String>>) this::members)) {
                members.forEach(member -> byMember.computeIfAbsent(normalised(member), dn -> new LinkedHashSet<>())
                        .add(governanceGroup));
            }
        });
        return byMember;
    }

    private List<String> members(Attributes attributes) throws javax.naming.NamingException {
        Attribute members = attributes.get(settings.memberAttribute());
        List<String> dns = new ArrayList<>();
        for (int i = 0; members != null && i < members.size(); i++) {
            dns.add(members.get(i).toString());
        }
        return dns;
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
