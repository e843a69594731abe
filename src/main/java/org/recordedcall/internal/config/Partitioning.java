package org.recordedcall.internal.config;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How the table is partitioned by the time a call started ({@code recordedcall.schema.partitions}),
 * and how far ahead partitions are made: far enough that the scheduled task may miss a few runs.
 */
public enum Partitioning {

    /** One table. */
    NONE(null, 0),
    /** A partition per day (UTC); today's and the next two days' are made ahead. */
    DAILY(ChronoUnit.DAYS, 2),
    /** A partition per hour; this hour's and the next six hours' are made ahead. */
    HOURLY(ChronoUnit.HOURS, 6);

    private final ChronoUnit unit;
    private final int ahead;

    Partitioning(ChronoUnit unit, int ahead) {
        this.unit = unit;
        this.ahead = ahead;
    }

    public boolean partitioned() {
        return unit != null;
    }

    /** How long one partition spans. */
    public Duration span() {
        return unit.getDuration();
    }

    /** The start of the partition that holds {@code at}. */
    public Instant start(Instant at) {
        return at.truncatedTo(unit);
    }

    /** How many partitions after the current one are made ahead. */
    public int ahead() {
        return ahead;
    }
}
