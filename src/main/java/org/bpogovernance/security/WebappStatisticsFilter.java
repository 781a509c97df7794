package org.bpogovernance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionDto;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's dashboard and its process list count the running instances and incidents of every
 * process definition over the whole portfolio: Camunda checks only that the person may read the
 * definition. For everyone who does not see the whole portfolio, this filter answers those two
 * requests itself, counting only the instances, failed jobs and incidents the person may read (their
 * engagements'), in the shape Cockpit expects. The engine refuses the same statistics to them
 * everywhere else ({@code /engine-rest}): see docs/security.md.
 */
@Component
class WebappStatisticsFilter extends OncePerRequestFilter {

    static final String ENGINE_STATISTICS = "/camunda/api/engine/engine/default/process-definition/statistics";
    static final String COCKPIT_STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";

    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ObjectMapper json;

    WebappStatisticsFilter(IdentityService identityService, RepositoryService repositoryService,
            RuntimeService runtimeService, ManagementService managementService, ObjectMapper json) {
        this.identityService = identityService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return !"GET".equals(request.getMethod()) || !path.equals(ENGINE_STATISTICS) && !path.equals(COCKPIT_STATISTICS);
    }

    /** The path as Jersey matches it: without path parameters, doubled or trailing slashes. */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var person = WebappSessionAuthenticationFilter.webappUser(request.getSession(false));
        if (person == null || person.getGroupIds() != null && (person.getGroupIds().contains(GovernanceGroups.GOVERNANCE_OFFICERS)
                || person.getGroupIds().contains(GovernanceGroups.CAMUNDA_ADMIN))) {
            chain.doFilter(request, response);
            return;
        }
        var before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(person.getIdentityId(), person.getGroupIds());
        Object answer;
        try {
            List<DefinitionCounts> counts = repositoryService.createProcessDefinitionQuery().list().stream()
                    .map(this::countsOf).toList();
            boolean cockpit = pathOf(request).equals(COCKPIT_STATISTICS);
            answer = cockpit ? byKey(counts, request) : counts.stream().map(DefinitionCounts::asEngineStatistics).toList();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), answer);
    }

    private record DefinitionCounts(ProcessDefinition definition, long instances, long failedJobs, Map<String, Long> incidents) {

        Map<String, Object> asEngineStatistics() {
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("@class", "org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionStatisticsResultDto");
            statistics.put("id", definition.getId());
            statistics.put("instances", instances);
            statistics.put("failedJobs", failedJobs);
            statistics.put("incidents", incidents.entrySet().stream()
                    .map(type -> Map.of("incidentType", type.getKey(), "incidentCount", type.getValue())).toList());
            statistics.put("definition", ProcessDefinitionDto.fromProcessDefinition(definition));
            return statistics;
        }
    }

    /** As the person: Camunda's queries then count only what they may read. */
    private DefinitionCounts countsOf(ProcessDefinition definition) {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        if (instances == 0) {
            return new DefinitionCounts(definition, 0, 0, Map.of());
        }
        long failedJobs = managementService.createJobQuery().processDefinitionId(definition.getId()).withException().count();
        Map<String, Long> incidents = runtimeService.createIncidentQuery().processDefinitionId(definition.getId()).list()
                .stream().collect(Collectors.groupingBy(Incident::getIncidentType, Collectors.counting()));
        return new DefinitionCounts(definition, instances, failedJobs, incidents);
    }

    /** Cockpit's process list: the latest version of each process with the counts of all its versions. */
    private static List<Map<String, Object>> byKey(List<DefinitionCounts> counts, HttpServletRequest request) {
        Map<String, List<DefinitionCounts>> versions = counts.stream()
                .collect(Collectors.groupingBy(c -> c.definition().getKey(), LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<DefinitionCounts> ofKey : versions.values()) {
            ProcessDefinition latest = ofKey.stream().map(DefinitionCounts::definition)
                    .max(Comparator.comparingInt(ProcessDefinition::getVersion)).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", latest.getId());
            row.put("key", latest.getKey());
            row.put("name", latest.getName());
            row.put("version", latest.getVersion());
            row.put("tenantId", latest.getTenantId());
            row.put("suspensionState", latest.isSuspended() ? 2 : 1);
            row.put("instances", ofKey.stream().mapToLong(DefinitionCounts::instances).sum());
            row.put("incidents", ofKey.stream().mapToLong(c -> c.incidents().values().stream().mapToLong(Long::longValue).sum()).sum());
            rows.add(row);
        }
        rows.sort(Comparator.comparing(row -> String.valueOf(row.get("name") == null ? row.get("key") : row.get("name"))));
        int first = intParameter(request, "firstResult", 0);
        int max = intParameter(request, "maxResults", Integer.MAX_VALUE);
        return rows.stream().skip(first).limit(max).toList();
    }

    private static int intParameter(HttpServletRequest request, String name, int fallback) {
        try {
            String value = request.getParameter(name);
            return value == null ? fallback : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
