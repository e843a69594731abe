package org.recordedcall;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CallEndedTest {

    private static CallRecord record(String id) {
        return CallRecord.builder().id(id).correlationId(id).kind(CallKind.METHOD).operation("op").build();
    }

    @Test
    void itsRecordIsMadeWhenFirstAskedForOnceWhoeverAsks() throws Exception {
        var made = new AtomicInteger();
        var record = record("a");
        var event = new CallEnded(() -> {
            made.incrementAndGet();
            return record;
        });
        assertEquals(0, made.get(), "not made by the thread that fires the event");

        var seen = new CopyOnWriteArrayList<CallRecord>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            var thread = new Thread(() -> seen.add(event.call()));
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }

        assertEquals(1, made.get());
        seen.forEach(each -> assertSame(record, each));
        assertEquals(new CallEnded(record("a")), event, "equal by their records, as the record type it replaced");
        assertEquals(new CallEnded(record("a")).hashCode(), event.hashCode());
    }
}
