/**
 * The audit trail: who changed what, when, for every domain change of every module; read by
 * governance officers through {@code /api/audit} and per engagement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.bpogovernance.audit;
