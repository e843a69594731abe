package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheCurrentMillisecond() {
        var before = System.currentTimeMillis();
        var id = UUID.fromString(CallIds.next());
        var after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        var millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, id + " holds " + millis);
        assertEquals(36, id.toString().length());
    }

    @Test
    void idsMadeLaterSortLaterAsTextAndNoneRepeats() {
        var earlier = CallIds.next(1_700_000_000_000L).toString();
        var later = CallIds.next(1_700_000_000_001L).toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " < " + later);

        var seen = new HashSet<String>();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add(CallIds.next()), "a repeated id");
        }
    }
}
