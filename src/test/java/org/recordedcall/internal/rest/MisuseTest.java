package org.recordedcall.internal.rest;

import org.junit.jupiter.api.Test;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Annotation members that cannot mean anything: one numbered message each, naming the class or method. */
class MisuseTest {

    @RecordedCall(sampleRate = 0.5, slowerThanMillis = 10, masked = {"pin", "X-Tenant"})
    static class WellUsed {
        @RecordedCall(sampleRate = -1)
        public void setting() {
        }

        @RecordedCall(sampleRate = 1)
        public void all() {
        }

        @NotRecorded
        public void never() {
        }
    }

    @RecordedCall(sampleRate = 1.5)
    static class Misused {
        @RecordedCall(slowerThanMillis = -1)
        public void negative() {
        }

        @RecordedCall(masked = {"pin", " - "})
        public void maskedNothing() {
        }

        @RecordedCall(VERY_LONG)
        public void longName() {
        }

        @RecordedCall
        @NotRecorded
        public void both() {
        }
    }

    static final String SIXTY_FOUR = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String VERY_LONG = SIXTY_FOUR + SIXTY_FOUR + SIXTY_FOUR + SIXTY_FOUR + "!";

    @Test
    void meaningfulValuesPass() {
        assertEquals(List.of(), Misuse.of(WellUsed.class));
    }

    @Test
    void eachMisuseIsNumberedAndNamesWhereItIs() {
        var problems = Misuse.of(Misused.class).stream().sorted().toList();

        assertEquals(5, problems.size(), problems::toString);
        var name = Misused.class.getName();
        assertTrue(problems.get(0).startsWith("recorded-call RC001: " + name + " @RecordedCall(sampleRate = 1.5)"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("recorded-call RC002: " + name + ".negative "), problems.get(1));
        assertTrue(problems.get(2).startsWith("recorded-call RC003: " + name + ".maskedNothing "), problems.get(2));
        assertTrue(problems.get(3).startsWith("recorded-call RC004: " + name + ".longName "), problems.get(3));
        assertTrue(problems.get(3).contains("at most 255 characters, this one " + VERY_LONG.length()), problems.get(3));
        assertTrue(problems.get(4).startsWith("recorded-call RC005: " + name + ".both "), problems.get(4));
    }
}
