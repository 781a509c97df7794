package org.bpogovernance.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Told when any process instance starts or ends, whatever its model: a model deployed from
 * Camunda Modeler cannot forget it. The engine calls it for every process, call activities and
 * cancelled instances included.
 */
public interface ProcessInstanceListener {

    /** The instance has started; its start variables are set. */
    void started(DelegateExecution processInstance);

    /** The instance has ended, completed or cancelled. */
    void ended(DelegateExecution processInstance);
}
