package org.recordedcall;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallOutcomeTest {

    @Test
    void successNeedsAStatusBelow400AndNoException() {
        assertEquals(CallOutcome.SUCCESS, CallOutcome.of(200, false));
        assertEquals(CallOutcome.SUCCESS, CallOutcome.of(302, false));
        assertEquals(CallOutcome.SUCCESS, CallOutcome.of(null, false));
    }

    @Test
    void fourHundredsAreClientErrorsEvenWhenThrown() {
        assertEquals(CallOutcome.CLIENT_ERROR, CallOutcome.of(404, false));
        assertEquals(CallOutcome.CLIENT_ERROR, CallOutcome.of(409, true));
    }

    @Test
    void fiveHundredsAndHiddenExceptionsAreServerErrors() {
        assertEquals(CallOutcome.SERVER_ERROR, CallOutcome.of(500, false));
        assertEquals(CallOutcome.SERVER_ERROR, CallOutcome.of(503, true));
        assertEquals(CallOutcome.SERVER_ERROR, CallOutcome.of(200, true));
        assertEquals(CallOutcome.SERVER_ERROR, CallOutcome.of(null, true));
    }
}
