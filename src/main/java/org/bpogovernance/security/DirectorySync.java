package org.bpogovernance.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Profile {@code ldap}: puts the directory in front of the engine's identity store
 * ({@link DirectoryIdentityProvider}) and reads everyone from the directory at start-up and every
 * {@code governance.directory.sync-every}, so that people can be named on an engagement, and get
 * its mail, before they first sign in, and lose their governance groups when the directory drops them.
 */
@Component
@Profile("ldap")
class DirectorySync extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final Directory directory;
    private final DirectorySettings settings;
    private final ProcessEngine engine;

    DirectorySync(Directory directory, DirectorySettings settings, @Lazy ProcessEngine engine) {
        this.directory = directory;
        this.settings = settings;
        this.engine = engine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new DirectoryIdentityProvider.Factory(directory));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            run();
        } catch (RuntimeException failed) {
            // People from the directory are also brought up to date when they sign in.
            log.error("Could not read people from the directory at start-up", failed);
        }
    }

    @Scheduled(fixedDelayString = "${governance.directory.sync-every:PT15M}",
            initialDelayString = "${governance.directory.sync-every:PT15M}")
    void regularly() {
        run();
    }

    /** Brings everyone of the directory up to date; how many people it holds. */
    int run() {
        List<Directory.Person> everyone;
        try {
            everyone = directory.everyone();
        } catch (RuntimeException unreachable) {
            log.warn("The directory could not be read ({}); people stay as they were", unreachable.getMessage());
            return -1;
        }
        if (everyone.isEmpty()) {
            // A wrong base or a missing read right looks like an empty directory: take nobody's groups away.
            log.warn("The directory lists nobody under {}; people stay as they were", settings.usersBase());
            return 0;
        }
        int taken = OutsidePeople.inEngine(engine, identity -> {
            Set<String> held = new HashSet<>();
            for (Directory.Person person : everyone) {
                try {
                    OutsidePeople.bringUpToDate(identity, person.asPerson(), OutsidePeople.Source.DIRECTORY);
                    held.add(person.userId());
                } catch (OutsidePeople.NotTaken refused) {
                    log.warn("Left out the directory entry {}: {}", person.distinguishedName(), refused.getMessage());
                }
            }
            OutsidePeople.peopleFrom(identity, OutsidePeople.Source.DIRECTORY).stream()
                    .filter(userId -> !held.contains(userId))
                    .forEach(userId -> OutsidePeople.dropGovernanceGroups(identity, userId));
            return held.size();
        });
        log.info("Read {} people from the directory", taken);
        return taken;
    }
}
