package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpogovernance.security.EngagementAccess;
import org.bpogovernance.security.UserDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings data from before the engagement-scoped access model into it, at start-up: engagements
 * without their group get it with their stakeholders, process instances without grants get
 * them. Nothing to do on a database that started with the model; a handful of queries then.
 */
@Component
@Order(2)
class EngagementAccessUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EngagementAccessUpgrade.class);

    private final EngagementRepository engagements;
    private final StakeholderRepository stakeholders;
    private final EngagementAccess access;
    private final UserDirectory users;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    EngagementAccessUpgrade(EngagementRepository engagements, StakeholderRepository stakeholders,
            EngagementAccess access, UserDirectory users, RuntimeService runtimeService, HistoryService historyService) {
        this.engagements = engagements;
        this.stakeholders = stakeholders;
        this.access = access;
        this.users = users;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Set<Long> withGroups = access.engagementsWithGroups();
        int groups = 0;
        for (Engagement engagement : engagements.findAll()) {
            if (!withGroups.contains(engagement.getId())) {
                // a person deleted in Admin since is left out (and named), not a reason to stop the start-up
                stakeholders.findByEngagementIdOrderByIdAsc(engagement.getId()).forEach(s -> {
                    if (users.exists(s.getUserId())) {
                        access.joined(engagement.getId(), engagement.getName(), s.getUserId());
                    } else {
                        log.warn("Engagement {}: stakeholder {} is not a user any more; not given access", engagement.getId(),
                                s.getUserId());
                    }
                });
                groups++;
            }
        }
        Set<String> granted = access.instancesWithGrants();
        Map<Long, List<String>> running = new HashMap<>();
        Set<String> runningIds = new HashSet<>();
        runtimeService.createVariableInstanceQuery().variableName(ENGAGEMENT_ID.name()).list().stream()
                .filter(variable -> variable.getExecutionId() != null && variable.getExecutionId().equals(variable.getProcessInstanceId()))
                .filter(variable -> variable.getValue() instanceof Number && !granted.contains(variable.getProcessInstanceId()))
                .forEach(variable -> {
                    running.computeIfAbsent(((Number) variable.getValue()).longValue(), id -> new ArrayList<>())
                            .add(variable.getProcessInstanceId());
                    runningIds.add(variable.getProcessInstanceId());
                });
        Map<Long, List<String>> finished = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().variableName(ENGAGEMENT_ID.name()).list().stream()
                .filter(variable -> variable.getActivityInstanceId() != null
                        && variable.getActivityInstanceId().equals(variable.getProcessInstanceId()))
                .filter(variable -> variable.getValue() instanceof Number && !granted.contains(variable.getProcessInstanceId())
                        && !runningIds.contains(variable.getProcessInstanceId()))
                .forEach(variable -> finished.computeIfAbsent(((Number) variable.getValue()).longValue(), id -> new ArrayList<>())
                        .add(variable.getProcessInstanceId()));
        Set<Long> touched = new HashSet<>(running.keySet());
        touched.addAll(finished.keySet());
        touched.forEach(id -> access.openedEarlier(id, running.getOrDefault(id, List.of()), finished.getOrDefault(id, List.of())));
        if (groups > 0 || !touched.isEmpty()) {
            log.info("Engagement-scoped access: {} engagements got their group, {} running and {} finished process instances their grants",
                    groups, runningIds.size(), finished.values().stream().mapToInt(List::size).sum());
        }
    }
}
