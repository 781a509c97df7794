/**
 * What every module shares: the errors a request can end in and their RFC 9457 problem
 * details, and the checks that stop a badly configured service from starting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.bpogovernance.platform;
