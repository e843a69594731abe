package org.recordedcall;

import java.util.List;

/**
 * One page of recorded calls.
 *
 * @param calls the calls, in the query's order
 * @param next  the cursor of the next page (pass it as {@link CallQuery#after()}), or
 *              {@code null} when this is the last one
 */
public record CallPage(List<CallRecord> calls, String next) {

    public CallPage {
        calls = List.copyOf(calls);
    }
}
