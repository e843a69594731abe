package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Partitioning;
import org.recordedcall.internal.config.RetentionSettings;
import org.recordedcall.internal.config.Settings;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The scheduled purge: on the container's managed scheduler, every interval, deletes the
 * calls older than the maximum age and then the oldest beyond the row cap, a small batch per
 * transaction so that the table is never locked for long and writes go on between batches.
 * On a table partitioned by time it first makes the partitions ahead, and drops the partitions
 * wholly older than the age before it deletes what is left (in the default partition, or in a
 * partition that is only partly older) by batches. Runs outside any request; what it deletes is
 * counted with the writer's counters.
 */
@Singleton
public class Retention {

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    /** What the purge needs of the store; the real one is {@link CallStore}. */
    interface Store {
        int deleteOldest(Instant before, int max);

        long count();

        /** Makes the partitions ahead of {@code now}, where the table is partitioned; says itself what fails. */
        void makePartitions(Instant now);

        /** Drops the partitions wholly before {@code cutoff}, where the table is partitioned. */
        Partitions.Dropped dropPartitions(Instant cutoff) throws SQLException;
    }

    private final RetentionSettings settings;
    private final Partitioning partitioning;
    private final Store store;
    private final LongConsumer counter;
    private volatile ScheduledFuture<?> task;

    @Inject
    public Retention(Settings settings, CallStore store, StoreUnit unit, CallWriter writer) {
        this(settings.retention(), settings.partitions(), new Store() {
            @Override
            public int deleteOldest(Instant before, int max) {
                return store.deleteOldest(before, max);
            }

            @Override
            public long count() {
                return store.count();
            }

            @Override
            public void makePartitions(Instant now) {
                unit.ensureSchema();
                unit.makePartitions(now);
            }

            @Override
            public Partitions.Dropped dropPartitions(Instant cutoff) throws SQLException {
                return unit.dropPartitions(cutoff);
            }
        }, writer::purged);
    }

    Retention(RetentionSettings settings, Partitioning partitioning, Store store, LongConsumer counter) {
        this.settings = settings;
        this.partitioning = partitioning;
        this.store = store;
        this.counter = counter;
    }

    /** Schedules the purge on the container's scheduler, when an age or a cap is set or the table is partitioned. */
    public void start(ManagedScheduling scheduling) {
        if (scheduling == null) {
            if (active()) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: no managed scheduler, so no retention purge "
                        + "and no partitions made ahead");
            }
            return;
        }
        start(scheduling.scheduler(), scheduling.contextual());
    }

    /** Schedules the purge, when an age or a cap is set; the task wrapped as given (to carry the application's context). */
    void start(ScheduledExecutorService scheduler, UnaryOperator<Runnable> contextual) {
        if (!active()) {
            return;
        }
        checkInterval();
        task = scheduler.scheduleWithFixedDelay(contextual.apply(this::run), settings.intervalMillis(),
                settings.intervalMillis(), TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "recorded-call: retention purge every {0} ms: max age {1} day(s), "
                + "max rows {2} (0: none), partitions {3}", settings.intervalMillis(), settings.maxAgeDays(),
                settings.maxRows(), partitioning.name().toLowerCase(Locale.ROOT));
    }

    /** Whether the task runs often enough that the partitions made ahead never run out. */
    private void checkInterval() {
        if (partitioning.partitioned()
                && settings.intervalMillis() >= partitioning.span().multipliedBy(partitioning.ahead()).toMillis()) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: " + RecordedCallSettings.RETENTION_INTERVAL_MS + "="
                    + settings.intervalMillis() + " is longer than the " + partitioning.ahead() + " "
                    + partitioning.name().toLowerCase(Locale.ROOT) + " partitions made ahead; calls will land in the "
                    + "default partition between runs. Run the task more often.");
        }
    }

    private boolean active() {
        return settings.active() || partitioning.partitioned();
    }

    public void stop() {
        var scheduled = task;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void run() {
        try {
            purge(Instant.now());
        } catch (RuntimeException | Error e) {
            // the next run tries again; the scheduler would cancel a task that throws
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the retention purge failed (" + e + "); "
                    + "it runs again in " + settings.intervalMillis() + " ms", e);
        }
    }

    /**
     * One purge, as of {@code now}: the partitions ahead, then by age, then by row cap; returns how
     * many calls it deleted. Public for the benchmark's capacity section, which times one.
     */
    public long purge(Instant now) {
        if (partitioning.partitioned()) {
            store.makePartitions(now);
        }
        long deleted = 0;
        if (settings.maxAgeDays() > 0) {
            var before = now.minus(Duration.ofDays(settings.maxAgeDays()));
            // by batches only what no partition drop takes: never a whole partition left for the next run
            var byBatches = true;
            try {
                var dropped = store.dropPartitions(before);
                deleted += dropped.calls();
                counter.accept(dropped.calls());
                byBatches = dropped.left() == 0;
            } catch (SQLException | RuntimeException e) {
                byBatches = false;
                LOG.log(System.Logger.Level.WARNING, "recorded-call: could not drop the partitions older than "
                        + settings.maxAgeDays() + " day(s) (" + e + "); tried again at the next run", e);
            }
            for (int batch; byBatches && (batch = store.deleteOldest(before, settings.batchSize())) > 0; ) {
                deleted += batch;
                counter.accept(batch);
            }
        }
        if (settings.maxRows() > 0) {
            var excess = store.count() - settings.maxRows();
            while (excess > 0) {
                var batch = store.deleteOldest(null, (int) Math.min(settings.batchSize(), excess));
                if (batch == 0) {
                    break;
                }
                deleted += batch;
                excess -= batch;
                counter.accept(batch);
            }
        }
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "recorded-call: retention purge deleted {0} call(s)", deleted);
        }
        return deleted;
    }
}
