package org.bpogovernance.platform;

/** Whether the person acting now may see the whole portfolio (governance officers, administrators, the engine itself). */
public interface PortfolioAccess {

    boolean seesEverything();
}
