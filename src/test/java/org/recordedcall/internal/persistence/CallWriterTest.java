package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A write that fails, or an executor that refuses work, never reaches the caller. */
class CallWriterTest {

    private static ManagedExecutorService executor(boolean refuse, AtomicInteger ran) {
        return (ManagedExecutorService) Proxy.newProxyInstance(CallWriterTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (refuse) {
                        throw new RejectedExecutionException("queue full");
                    }
                    ran.incrementAndGet();
                    ((Runnable) args[0]).run();
                    return null;
                });
    }

    private static final class FailingStore extends CallStore {
        final List<String> attempts = new ArrayList<>();

        FailingStore() {
            super(null);
        }

        @Override
        public void insert(CallRecord call) {
            attempts.add(call.id());
            throw new IllegalStateException("table RECORDED_CALL not found");
        }
    }

    @Test
    void aFailingWriteIsLoggedNotThrown() {
        var writer = new CallWriter();
        var store = new FailingStore();
        var ran = new AtomicInteger();
        writer.executor = executor(false, ran);
        writer.store = store;
        var call = RecordedCallEntityTest.record(UUID.randomUUID().toString());

        assertDoesNotThrow(() -> writer.accept(call));

        assertEquals(1, ran.get(), "written off the caller's path, on the executor");
        assertEquals(List.of(call.id()), store.attempts);
    }

    @Test
    void aRefusingExecutorIsLoggedNotThrown() {
        var writer = new CallWriter();
        var store = new FailingStore();
        writer.executor = executor(true, new AtomicInteger());
        writer.store = store;

        assertDoesNotThrow(() -> writer.accept(RecordedCallEntityTest.record(UUID.randomUUID().toString())));

        assertEquals(List.of(), store.attempts);
    }
}
