package org.bpogovernance.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
    private final ProcessEngine engine;

    DirectorySync(Directory directory, @Lazy ProcessEngine engine) {
        this.directory = directory;
        this.engine = engine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new DirectoryIdentityProvider.Factory(directory));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        run();
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
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    DirectoryIdentityProvider identity = (DirectoryIdentityProvider) context
                            .getSession(WritableIdentityProvider.class);
                    Set<String> held = new HashSet<>();
                    for (Directory.Person person : everyone) {
                        identity.bringUpToDate(person);
                        held.add(person.userId());
                    }
                    identity.peopleFromTheDirectory().stream().filter(userId -> !held.contains(userId))
                            .forEach(identity::leftTheDirectory);
                    return null;
                });
        log.info("Read {} people from the directory", everyone.size());
        return everyone.size();
    }
}
