package org.bpogovernance.reporting;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** The engine adapter of the governance views: which process instances still run. */
@Component
class ProcessInstances {

    private final RuntimeService runtimeService;

    ProcessInstances(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    Set<String> running(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(ids)).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
