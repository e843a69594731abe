package org.recordedcall.demo.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCalls;
import org.recordedcall.internal.lifecycle.CallIds;
import org.recordedcall.internal.persistence.CallStore;
import org.recordedcall.internal.persistence.Retention;

import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Benchmark only (built into the demo by {@code -Pbench}, never shipped): stores copies of the
 * latest real record through the library's store, in transactions of {@code batch} records:
 * the batch size of the writer, or 1 for a naive writer with one transaction per record; from
 * {@code threads} writers at once, as that many application instances would. Also runs the
 * retention purge once, now. Reaches into the library's internals on purpose; applications never do.
 */
@RequestScoped
@Path("_bench/writer")
@Produces(MediaType.APPLICATION_JSON)
public class WriterBenchmarkResource {

    @Inject
    CallStore store;

    @Inject
    RecordedCalls calls;

    @Inject
    Retention retention;

    @Resource
    ManagedExecutorService executor;

    /** One purge by the library's retention, as its schedule would run it now; how long it took and what it deleted. */
    @POST
    @Path("purge")
    public Map<String, Object> purge() {
        var started = System.nanoTime();
        var deleted = retention.purge(Instant.now());
        var result = new LinkedHashMap<String, Object>();
        result.put("deleted", deleted);
        result.put("seconds", (System.nanoTime() - started) / 1e9);
        return result;
    }

    @POST
    public Map<String, Object> run(@QueryParam("records") int records, @QueryParam("batch") int batch,
                                   @QueryParam("threads") Integer threadCount) throws Exception {
        var writers = threadCount == null ? 1 : threadCount;
        if (records < 1 || batch < 1 || writers < 1) {
            throw new BadRequestException("records, batch and threads must be at least 1");
        }
        if (writers > 1) {
            return parallel(records, batch, writers);
        }
        var model = latestRecord();
        var copies = new ArrayList<CallRecord>(records);
        for (int i = 0; i < records; i++) {
            copies.add(withNewIds(model));
        }
        var threads = ManagementFactory.getThreadMXBean();
        var cpuBefore = threads.getCurrentThreadCpuTime();
        var started = System.nanoTime();
        for (int from = 0; from < records; from += batch) {
            store.insertAll(copies.subList(from, Math.min(records, from + batch)));
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
        var result = new LinkedHashMap<String, Object>();
        result.put("records", records);
        result.put("batch", batch);
        result.put("seconds", seconds);
        result.put("recordsPerSecond", records / seconds);
        // this thread's CPU: the library's and the JDBC driver's work per record (the database's own is apart)
        result.put("cpuMicrosPerRecord", cpuNanos / 1e3 / records);
        return result;
    }

    /** {@code writers} writers at once, each storing its share; records per second of them all. */
    private Map<String, Object> parallel(int records, int batch, int writers) throws InterruptedException, ExecutionException {
        var model = latestRecord();
        var shares = new ArrayList<List<CallRecord>>();
        for (int w = 0; w < writers; w++) {
            var share = new ArrayList<CallRecord>(records / writers);
            for (int i = 0; i < records / writers; i++) {
                share.add(withNewIds(model));
            }
            shares.add(share);
        }
        var started = System.nanoTime();
        var running = new ArrayList<Future<?>>();
        for (var share : shares) {
            running.add(executor.submit(() -> {
                for (int from = 0; from < share.size(); from += batch) {
                    store.insertAll(share.subList(from, Math.min(share.size(), from + batch)));
                }
            }));
        }
        for (var task : running) {
            task.get();
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var stored = records / writers * writers;
        var result = new LinkedHashMap<String, Object>();
        result.put("records", stored);
        result.put("batch", batch);
        result.put("threads", writers);
        result.put("seconds", seconds);
        result.put("recordsPerSecond", stored / seconds);
        return result;
    }

    private CallRecord latestRecord() {
        var latest = calls.latest(1);
        if (latest.isEmpty()) {
            throw new BadRequestException("make one recorded call first: its record is the model");
        }
        return latest.get(0);
    }

    /**
     * A copy of a text, a map of them or a list of them, that shares no text with the model's:
     * a real writer meets each call's texts once, not one record's texts over and over in the
     * processor's cache (which made no difference the benchmark could tell, BENCHMARKS.md session 12).
     */
    private static Object distinct(Object value) {
        if (value instanceof String text) {
            return new String(text.toCharArray());
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((key, item) -> copy.put(distinct(key), distinct(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WriterBenchmarkResource::distinct).toList();
        }
        return value;
    }

    /**
     * The same call under a new id, made as the library makes a call's, and that id (prefixed
     * {@code bench-writer-}) as its correlation id, as for a call that came without an
     * {@code X-Request-Id}: both in time order, as the library's are. Its texts are copies of
     * the model's.
     */
    private static CallRecord withNewIds(CallRecord model) {
        var id = CallIds.next();
        try {
            RecordComponent[] components = CallRecord.class.getRecordComponents();
            var values = new Object[components.length];
            var types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = switch (components[i].getName()) {
                    case "id" -> id;
                    case "correlationId" -> "bench-writer-" + id; // in time order too, and told apart by the counts
                    default -> distinct(components[i].getAccessor().invoke(model));
                };
            }
            return CallRecord.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
