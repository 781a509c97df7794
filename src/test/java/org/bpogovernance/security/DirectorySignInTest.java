package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.get;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.bpogovernance.testing.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Profile {@code ldap} against a real LDAP server (UnboundID's, in this JVM): people and their
 * governance groups come from the directory (one group mapped under another name than the default),
 * passwords are checked by the directory, and the engagements' access model holds for directory
 * people as for built-in users.
 */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class DirectorySignInTest {

    private static final String BASE = "dc=bpo,dc=example";

    static InMemoryDirectoryServer directory;
    static RunningService service;
    static TestRestTemplate http;

    @BeforeAll
    static void startTheDirectoryAndTheService() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=reader," + BASE, "reader-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, DirectorySignInTest.class.getResource("/directory/people.ldif").getPath());
        directory.startListening();

        service = RunningService.start("./target/test-data/directory-" + UUID.randomUUID().toString().substring(0, 8),
                "--spring.profiles.include=ldap",
                "--spring.ldap.urls=ldap://127.0.0.1:" + directory.getListenPort(),
                "--spring.ldap.base=" + BASE,
                "--spring.ldap.username=cn=reader," + BASE,
                "--spring.ldap.password=reader-secret",
                "--governance.directory.groups.governance-officers=BPO Officers");
        http = service.http();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    @Test
    void peopleAndTheirGroupsComeFromTheDirectory() {
        IdentityService identity = service.bean(IdentityService.class);
        User dirk = identity.createUserQuery().userId("dirk").singleResult();
        assertThat(dirk).as("read at start-up, before dirk ever signed in").isNotNull();
        assertThat(List.of(dirk.getFirstName(), dirk.getLastName(), dirk.getEmail()))
                .containsExactly("Dirk", "de Vries", "dirk@client.example");
        assertThat(groupsOf(identity, "lena")).as("the directory's 'BPO Officers', as configured")
                .contains(GovernanceGroups.GOVERNANCE_OFFICERS);
        assertThat(groupsOf(identity, "dirk")).contains(GovernanceGroups.CLIENT_REPRESENTATIVES)
                .doesNotContain(GovernanceGroups.GOVERNANCE_OFFICERS);
        assertThat(groupsOf(identity, "nora")).as("Canteen maps to no governance group")
                .doesNotContainAnyElementsOf(GovernanceGroups.ALL);
    }

    @Test
    void theDirectoryChecksPasswordsEverywhere() throws Exception {
        assertThat(get(http, "lena", "lena-directory-1", "/api/processes").getStatusCode())
                .as("an officer of the directory reaches officers' resources").isEqualTo(HttpStatus.OK);
        assertThat(get(http, "lena", "lena-directory-1", "/engine-rest/process-definition/count").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(WebappLogin.status(http, "lena", "lena-directory-1", "tasklist")).as("Tasklist's login form").isEqualTo(200);
        assertThat(get(http, "olivia", "demo", "/api/processes").getStatusCode())
                .as("built-in users keep their own password").isEqualTo(HttpStatus.OK);

        assertThat(get(http, "nora", "nora-directory-1", "/api/processes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(http, "nora", "wrong", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(http, "nora", "", "/api/me").getStatusCode())
                .as("an empty password is no anonymous bind").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(WebappLogin.status(http, "nora", "wrong", "tasklist")).isEqualTo(401);
        assertThat(get(http, "nora", "nora-directory-1", "/api/me").getStatusCode())
                .as("guessing is slowed: right after failures even the right password waits").isEqualTo(HttpStatus.UNAUTHORIZED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() ->
                get(http, "nora", "nora-directory-1", "/api/me").getStatusCode() == HttpStatus.OK);

        directory.modify("uid=pia,ou=people," + BASE, new Modification(ModificationType.REPLACE, "userPassword", "pia-directory-2"));
        assertThat(get(http, "pia", "pia-directory-2", "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(http, "pia", "pia-directory-1", "/api/me").getStatusCode()).as("the old password")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void noDirectoryEntryTakesOverAUserOfTheServicesOwn() {
        IdentityService identity = service.bean(IdentityService.class);
        assertThat(get(http, "olivia", "olivia-directory-1", "/api/me").getStatusCode())
                .as("the directory's 'olivia' is not the service's olivia").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("olivia").singleResult().getEmail())
                .isEqualTo("olivia@demo.bpo-governance.example");
        assertThat(groupsOf(identity, "olivia")).doesNotContain("directory-people");

        assertThat(get(http, "admin", "mallory-directory-1", "/api/me").getStatusCode())
                .as("a second id on someone's entry").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(http, "mallory", "mallory-directory-1", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(http, "LENA", "lena-directory-1", "/api/me").getStatusCode())
                .as("the directory matches ignoring case; the name must be exactly the entry's").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(groupsOf(identity, "admin")).doesNotContain("directory-people");
    }

    @Test
    void directoryPeopleSeeOnlyTheirOwnEngagements() {
        Registered theirs = Engagements.registerFor(http, "Directory people's claims", "dirk", "pia");
        Registered others = Engagements.registerFor(http, "Built-in people's claims", "clara", "peter");

        assertThat(get(http, "dirk", "dirk-directory-1", theirs.path()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(http, "dirk", "dirk-directory-1", others.path()).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(Json.<List<String>>read(get(http, "dirk", "dirk-directory-1", "/api/engagements").getBody(), "$.content[*].name"))
                .contains("Directory people's claims").doesNotContain("Built-in people's claims");
        assertThat(get(http, "dirk", "dirk-directory-1", "/engine-rest/process-instance?businessKey=" + others.reference())
                .getBody()).as("the other engagement's processes through /engine-rest").isEqualTo("[]");
        assertThat(get(http, "clara", "demo", theirs.path()).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void whatTheDirectoryChangesReachesTheServiceAtTheNextSync() throws Exception {
        String person = "uid=tom,ou=people," + BASE;
        directory.add("dn: " + person, "objectClass: inetOrgPerson", "uid: tom", "cn: Tom Tanaka", "givenName: Tom",
                "sn: Tanaka", "mail: tom@provider.example", "userPassword: tom-directory-1");
        directory.modify("cn=bpo-provider-managers,ou=groups," + BASE,
                new Modification(ModificationType.ADD, "member", person));
        IdentityService identity = service.bean(IdentityService.class);
        assertThat(get(http, "tom", "tom-directory-1", "/api/me").getStatusCode())
                .as("someone new signs in before the next sync").isEqualTo(HttpStatus.OK);
        assertThat(groupsOf(identity, "tom")).contains(GovernanceGroups.PROVIDER_MANAGERS);

        directory.modify("uid=tom,ou=people," + BASE, new Modification(ModificationType.REPLACE, "mail", "tom@elsewhere.example"));
        directory.modify("cn=bpo-provider-managers,ou=groups," + BASE,
                new Modification(ModificationType.DELETE, "member", person));
        service.bean(DirectorySync.class).run();
        assertThat(identity.createUserQuery().userId("tom").singleResult().getEmail()).isEqualTo("tom@elsewhere.example");
        assertThat(groupsOf(identity, "tom")).doesNotContain(GovernanceGroups.PROVIDER_MANAGERS);

        directory.delete(person);
        service.bean(DirectorySync.class).run();
        assertThat(get(http, "tom", "tom-directory-1", "/api/me").getStatusCode())
                .as("someone the directory dropped no longer signs in").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("tom").singleResult()).as("their name stays on past records").isNotNull();
    }

    private static List<String> groupsOf(IdentityService identity, String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
