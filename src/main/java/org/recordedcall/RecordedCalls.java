package org.recordedcall;

import java.util.List;
import java.util.Optional;

/**
 * Reads recorded calls back from the database: {@code @Inject RecordedCalls calls;}.
 * Records are written in the background, so a call appears here shortly after it ended.
 */
public interface RecordedCalls {

    /**
     * The latest calls, newest first.
     *
     * @param limit how many at most, 1 to 1000
     * @throws IllegalArgumentException if the limit is out of range
     */
    List<CallRecord> latest(int limit);

    /** The call with this id, if it was recorded. */
    Optional<CallRecord> find(String id);

    /**
     * A page of the calls that match the query, in its order. Paging is by keyset: pass the
     * page's {@link CallPage#next()} as the next query's {@code after}, with the same filters
     * and order; it stays fast however deep it goes.
     *
     * @throws IllegalArgumentException if the cursor is not one this library made for that order
     */
    CallPage find(CallQuery query);

    /**
     * Count, error rate and duration percentiles of the calls started in {@code [from, to)},
     * overall and per route, and the slowest of them.
     *
     * @param slowest how many of the slowest calls to include, 0 to 100
     * @throws IllegalArgumentException if {@code from} is not before {@code to}, or {@code slowest} is out of range
     */
    CallStats stats(java.time.Instant from, java.time.Instant to, int slowest);
}
