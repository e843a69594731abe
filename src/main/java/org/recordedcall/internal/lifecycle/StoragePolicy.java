package org.recordedcall.internal.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallOutcome;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.rest.Endpoint;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which finished calls are stored: not those under an excluded path, and, as the endpoint's
 * annotation says, only failures, only slow calls, or a sample. Events fire for every call
 * regardless; this decides the row only.
 */
@Singleton
public final class StoragePolicy {

    private final double sampleRate;
    private final List<String> excludedPaths;

    @Inject
    public StoragePolicy(Settings settings) {
        this.sampleRate = settings.sampleRate();
        this.excludedPaths = settings.excludePaths();
    }

    /**
     * Whether a finished call is stored, decided before its record is made.
     *
     * @param path the request path, {@code null} for a bean method's call
     */
    boolean stores(String path, CallOutcome outcome, Long durationNanos, Endpoint endpoint) {
        if (excluded(path)) {
            return false;
        }
        if (endpoint.onlyFailures() && outcome == CallOutcome.SUCCESS) {
            return false;
        }
        var slowerThan = endpoint.slowerThanMillis();
        if (slowerThan > 0 && (durationNanos == null || durationNanos < slowerThan * 1_000_000L)) {
            return false;
        }
        var rate = endpoint.sampleRate(sampleRate);
        return rate >= 1 || rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private boolean excluded(String path) {
        if (path == null) {
            return false;
        }
        for (var excluded : excludedPaths) {
            if (path.equals(excluded) || path.startsWith(excluded.endsWith("/") ? excluded : excluded + "/")) {
                return true;
            }
        }
        return false;
    }
}
