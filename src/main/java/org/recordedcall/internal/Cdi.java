package org.recordedcall.internal;

import jakarta.enterprise.inject.spi.CDI;

/**
 * Whether CDI serves the application. WildFly runs an application that has no bean and no
 * {@code beans.xml} of its own without CDI; the library then stays out of its way.
 */
public final class Cdi {

    /** What the library says where the application runs without CDI. */
    public static final String ABSENT = "CDI is not active in this application, so recorded-call records nothing and "
            + "its query API is off. WildFly turns CDI on only for an application that has a bean or a beans.xml "
            + "of its own: add WEB-INF/beans.xml (bean-discovery-mode=\"annotated\") or any CDI bean";

    private Cdi() {
    }

    /** Whether {@code CDI.current()} answers for the calling application. */
    public static boolean active() {
        try {
            CDI.current();
            return true;
        } catch (IllegalStateException none) {
            return false;
        }
    }
}
