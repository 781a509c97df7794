package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionTemplate;

/** The domain tables and the engine share one DataSource and one transaction. */
@GovernanceTest
class SharedTransactionTest {

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aDomainWriteAndAnEngineWriteRollBackTogether() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditTrail.record("transaction-check", key, "WRITTEN", null);
            runtimeService.startProcessInstanceByKey("deployment-check", key);
            throw new IllegalStateException("a later step fails");
        })).hasMessage("a later step fails");

        assertThat(auditTrail.of("transaction-check", key, Pageable.unpaged()).getContent()).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void aDomainWriteAndAnEngineWriteCommitTogether() {
        String key = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            auditTrail.record("transaction-check", key, "WRITTEN", null);
            runtimeService.startProcessInstanceByKey("deployment-check", key);
        });

        assertThat(auditTrail.of("transaction-check", key, Pageable.unpaged()).getContent()).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isOne();
    }
}
