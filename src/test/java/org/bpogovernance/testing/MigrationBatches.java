package org.bpogovernance.testing;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;

/** Runs migration batches' jobs as the job executor would: the seed, the migrations, the monitor. */
public final class MigrationBatches {

    private MigrationBatches() {
    }

    public static void run(ManagementService managementService, List<String> batchIds) {
        for (String batchId : batchIds) {
            var batch = managementService.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                continue; // done already
            }
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                managementService.createJobQuery().jobDefinitionId(definition).list()
                        .forEach(job -> managementService.executeJob(job.getId()));
            }
        }
    }
}
