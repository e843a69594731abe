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
}
