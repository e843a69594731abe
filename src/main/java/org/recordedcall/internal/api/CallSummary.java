package org.recordedcall.internal.api;

import org.recordedcall.CallOutcome;
import org.recordedcall.CallPage;
import org.recordedcall.CallRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A call as a list shows it: what happened, when, to whom, how it ended, its attributes; no headers, bodies,
 * arguments, result or stack trace (one call in full is {@code api/calls/{id}}, or the list with
 * {@code full=true}).
 */
public record CallSummary(String id, String correlationId, Instant startedAt, Instant endedAt, Long durationNanos,
                   String httpMethod, String path, String route, Integer status, CallOutcome outcome,
                   String operation, String principal, String exceptionType, String exceptionMessage,
                   Map<String, String> attributes) {

    static CallSummary of(CallRecord call) {
        return new CallSummary(call.id(), call.correlationId(), call.startedAt(), call.endedAt(), call.durationNanos(),
                call.httpMethod(), call.path(), call.route(), call.status(), call.outcome(), call.operation(),
                call.principal(), call.exceptionType(), call.exceptionMessage(), call.attributes());
    }

    /** A page of summaries, with the cursor of the next page as {@link CallPage} has it. */
    public record Page(List<CallSummary> calls, String next) {

        static Page of(CallPage page) {
            return new Page(page.calls().stream().map(CallSummary::of).toList(), page.next());
        }
    }
}
