package org.bpogovernance.modeling;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/processes}: the deployed versions of each process, and moving running instances to a newer one; for governance officers. */
@RestController
@Tag(name = "Processes", description = "The deployed versions of each process: who deployed them, when, and how many engagements run on each.")
@PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
class ProcessVersionsController {

    private final ProcessVersions versions;
    private final ProcessMigrations migrations;
    private final CurrentUser currentUser;

    ProcessVersionsController(ProcessVersions versions, ProcessMigrations migrations, CurrentUser currentUser) {
        this.versions = versions;
        this.migrations = migrations;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/processes")
    List<ProcessVersions.ProcessModel> all() {
        return versions.all();
    }

    @GetMapping("/api/processes/{key}/versions")
    ProcessVersions.ProcessModel versions(@PathVariable String key) {
        return versions.of(key);
    }

    /**
     * Which running instances can move to the newer version and why not; without {@code dryRun}, those
     * that can move; with {@code engagementId}, those of that engagement only.
     */
    record MigrationRequest(Integer fromVersion, Integer toVersion, Long engagementId, boolean dryRun) {
    }

    @PostMapping("/api/processes/{key}/migrations")
    ProcessMigrations.Outcome migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        return migrations.migrate(key, request.fromVersion(), request.toVersion(), request.engagementId(), request.dryRun(), currentUser.idOrSystem());
    }
}
