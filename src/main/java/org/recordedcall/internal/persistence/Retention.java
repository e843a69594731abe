package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.internal.config.RetentionSettings;
import org.recordedcall.internal.config.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The scheduled purge: on the container's managed scheduler, every interval, deletes the
 * calls older than the maximum age and then the oldest beyond the row cap, a small batch per
 * transaction so that the table is never locked for long and writes go on between batches.
 * Runs outside any request; what it deletes is counted with the writer's counters.
 */
@Singleton
public class Retention {

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    /** What the purge needs of the store; the real one is {@link CallStore}. */
    interface Store {
        int deleteOldest(Instant before, int max);

        long count();
    }

    private final RetentionSettings settings;
    private final Store store;
    private final LongConsumer counter;
    private volatile ScheduledFuture<?> task;

    @Inject
    public Retention(Settings settings, CallStore store, CallWriter writer) {
        this(settings.retention(), new Store() {
            @Override
            public int deleteOldest(Instant before, int max) {
                return store.deleteOldest(before, max);
            }

            @Override
            public long count() {
                return store.count();
            }
        }, writer::purged);
    }

    Retention(RetentionSettings settings, Store store, LongConsumer counter) {
        this.settings = settings;
        this.store = store;
        this.counter = counter;
    }

    /** Schedules the purge on the container's scheduler, when an age or a cap is set. */
    public void start(ManagedScheduling scheduling) {
        if (scheduling == null) {
            if (settings.active()) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: no managed scheduler, so no retention purge");
            }
            return;
        }
        start(scheduling.scheduler(), scheduling.contextual());
    }

    /** Schedules the purge, when an age or a cap is set; the task wrapped as given (to carry the application's context). */
    void start(ScheduledExecutorService scheduler, UnaryOperator<Runnable> contextual) {
        if (!settings.active()) {
            return;
        }
        task = scheduler.scheduleWithFixedDelay(contextual.apply(this::run), settings.intervalMillis(),
                settings.intervalMillis(), TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "recorded-call: retention purge every {0} ms: max age {1} day(s), "
                + "max rows {2} (0: none)", settings.intervalMillis(), settings.maxAgeDays(), settings.maxRows());
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
        } catch (RuntimeException e) {
            // the next run tries again; the scheduler would cancel a task that throws
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the retention purge failed (" + e + "); "
                    + "it runs again in " + settings.intervalMillis() + " ms", e);
        }
    }

    /** One purge: by age, then by row cap; returns how many calls it deleted. */
    long purge(Instant now) {
        long deleted = 0;
        if (settings.maxAgeDays() > 0) {
            var before = now.minus(Duration.ofDays(settings.maxAgeDays()));
            for (int batch; (batch = store.deleteOldest(before, settings.batchSize())) > 0; ) {
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
