package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCall;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.rest.Endpoint;

import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which finished calls get a row: excluded paths, failures only, slow calls only, samples. */
class StoragePolicyTest {

    @RecordedCall
    static class Endpoints {
        public void every() {
        }

        @RecordedCall(onlyFailures = true)
        public void failures() {
        }

        @RecordedCall(slowerThanMillis = 100)
        public void slow() {
        }

        @RecordedCall(sampleRate = 0)
        public void never() {
        }

        @RecordedCall(sampleRate = 0.5)
        public void half() {
        }
    }

    private static Endpoint endpoint(String method) throws NoSuchMethodException {
        return Endpoint.of(Endpoints.class, Endpoints.class.getMethod(method));
    }

    private static CallRecord call(String path, int status, long millis) {
        return CallRecord.builder().id("id").correlationId("id").kind(org.recordedcall.CallKind.HTTP)
                .operation("op").httpMethod("GET").path(path).route(path).requestHeaders(Map.of())
                .resourceClass("C").resourceMethod("m").status(status).responseHeaders(Map.of())
                .durationNanos(millis * 1_000_000L).outcome(CallOutcome.of(status, false)).build();
    }

    private static boolean stores(StoragePolicy policy, CallRecord call, Endpoint endpoint) {
        return policy.stores(call.path(), call.outcome(), call.durationNanos(), endpoint);
    }

    private static StoragePolicy policy(Map<String, String> settings) {
        return new StoragePolicy(Settings.from(settings::get));
    }

    @Test
    void byDefaultEveryCallIsStored() throws Exception {
        assertTrue(stores(policy(Map.of()), call("/api/orders", 200, 1), endpoint("every")));
    }

    @Test
    void excludedPathsAndWhatIsBelowThemAreNotStored() throws Exception {
        var policy = policy(Map.of(RecordedCallSettings.EXCLUDE_PATHS, "/api/health, api/metrics/"));

        assertFalse(stores(policy, call("/api/health", 200, 1), endpoint("every")));
        assertFalse(stores(policy, call("/api/metrics/jvm", 200, 1), endpoint("every")));
        assertTrue(stores(policy, call("/api/healthy", 200, 1), endpoint("every")), "a prefix of a name is not a path");
    }

    @Test
    void onlyFailuresStoresFailuresOnly() throws Exception {
        var policy = policy(Map.of());

        assertFalse(stores(policy, call("/a", 200, 1), endpoint("failures")));
        assertTrue(stores(policy, call("/a", 404, 1), endpoint("failures")));
        assertTrue(stores(policy, call("/a", 500, 1), endpoint("failures")));
    }

    @Test
    void slowerThanStoresSlowCallsOnly() throws Exception {
        var policy = policy(Map.of());

        assertFalse(stores(policy, call("/a", 200, 99), endpoint("slow")));
        assertTrue(stores(policy, call("/a", 200, 100), endpoint("slow")));
    }

    @Test
    void samplingByTheEndpointOrTheSetting() throws Exception {
        var policy = policy(Map.of(RecordedCallSettings.SAMPLE_RATE, "0"));
        assertFalse(stores(policy, call("/a", 200, 1), endpoint("every")), "the setting's rate");
        assertFalse(stores(policy, call("/a", 200, 1), endpoint("never")));

        var half = IntStream.range(0, 10_000).filter(i -> {
            try {
                return stores(policy(Map.of()), call("/a", 200, 1), endpoint("half"));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertTrue(half > 4_500 && half < 5_500, half + " of 10000 stored at 0.5");
    }

    @Test
    void aRateOutOfRangeIsIgnoredWithTheDefault() {
        assertEquals(1.0, Settings.from(Map.of(RecordedCallSettings.SAMPLE_RATE, "1.5")::get).sampleRate());
        assertEquals(1.0, Settings.from(Map.of(RecordedCallSettings.SAMPLE_RATE, "half")::get).sampleRate());
    }
}
