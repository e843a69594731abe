package org.recordedcall.internal.config;

/**
 * The scheduled purge's settings; keys and defaults in {@link org.recordedcall.RecordedCallSettings}.
 *
 * @param maxAgeDays     calls older than this are deleted; 0 keeps them whatever their age
 * @param maxRows        the oldest calls beyond this many are deleted; 0 sets no cap
 * @param intervalMillis how often the purge runs
 * @param batchSize      calls deleted per transaction
 */
public record RetentionSettings(long maxAgeDays, long maxRows, long intervalMillis, int batchSize) {

    /** Whether there is anything to purge by. */
    public boolean active() {
        return maxAgeDays > 0 || maxRows > 0;
    }
}
