package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is told how to switch H2's result reuse off: H2 before 2.3.232, and no one else. */
class H2ResultReuseTest {

    private static final String SERVERS_H2 = "2.2.224 (2023-09-17)";

    @Test
    void theH2PayaraAndWildFlyShipIsToldHowToTurnItOff() {
        var advice = H2ResultReuse.advice("H2", SERVERS_H2);
        assertNotNull(advice);
        assertTrue(advice.contains("H2 2.2.224") && advice.contains(";OPTIMIZE_REUSE_RESULTS=FALSE")
                && advice.contains("2.3.232"), advice);
        assertNotNull(H2ResultReuse.advice("H2", "1.4.200 (2019-10-14)"));
        assertNotNull(H2ResultReuse.advice("H2", "2.2.224"));
    }

    @Test
    void aFixedH2IsNotTold() {
        assertNull(H2ResultReuse.advice("H2", "2.3.232 (2024-08-11)"));
        assertNull(H2ResultReuse.advice("H2", "2.4.240 (2025-09-22)"));
        assertNull(H2ResultReuse.advice("H2", "3.0.1"));
    }

    @Test
    void otherDatabasesAndUnreadableVersionsAreNotTold() {
        assertNull(H2ResultReuse.advice("PostgreSQL", "15.18"));
        assertNull(H2ResultReuse.advice(null, SERVERS_H2));
        assertNull(H2ResultReuse.advice("H2", null));
        assertNull(H2ResultReuse.advice("H2", "unknown"));
        assertNull(H2ResultReuse.advice("H2", "2.x"));
        assertNull(H2ResultReuse.advice("H2", "99999999999.1.1"));
    }
}
