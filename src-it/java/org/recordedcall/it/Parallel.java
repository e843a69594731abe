package org.recordedcall.it;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs one client call per token, many at once, all released together. */
final class Parallel {

    private Parallel() {
    }

    static void run(List<String> tokens, Consumer<String> call) throws Exception {
        var pool = Executors.newFixedThreadPool(12);
        try {
            var start = new CountDownLatch(1);
            var futures = tokens.stream().map(each -> pool.submit(() -> {
                start.await();
                call.accept(each);
                return null;
            })).toList();
            start.countDown();
            for (var future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
