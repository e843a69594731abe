package org.recordedcall.demo.bench;

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

import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark only (built into the demo by {@code -Pbench}, never shipped): stores copies of the
 * latest real record through the library's store, in transactions of {@code batch} records:
 * the batch size of the writer, or 1 for a naive writer with one transaction per record.
 * Reaches into the library's internals on purpose; applications never do.
 */
@RequestScoped
@Path("_bench/writer")
@Produces(MediaType.APPLICATION_JSON)
public class WriterBenchmarkResource {

    @Inject
    CallStore store;

    @Inject
    RecordedCalls calls;

    @POST
    public Map<String, Object> run(@QueryParam("records") int records, @QueryParam("batch") int batch) {
        if (records < 1 || batch < 1) {
            throw new BadRequestException("records and batch must be at least 1");
        }
        var latest = calls.latest(1);
        if (latest.isEmpty()) {
            throw new BadRequestException("make one recorded call first: its record is the model");
        }
        var copies = new ArrayList<CallRecord>(records);
        for (int i = 0; i < records; i++) {
            copies.add(withNewIds(latest.get(0)));
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

    /**
     * The same call under a new id, made as the library makes a call's, and that id (prefixed
     * {@code bench-writer-}) as its correlation id, as for a call that came without an
     * {@code X-Request-Id}: both in time order, as the library's are.
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
                    default -> components[i].getAccessor().invoke(model);
                };
            }
            return CallRecord.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
