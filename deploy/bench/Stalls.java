import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's stall finder (run by deploy/benchmark.sh with PROFILE=1): lines up each slow
 * request of section 1b (its due time and latency, from the driver's slow-requests.tsv) with
 * what the server's Flight Recorder saw while it waited: garbage-collector pauses, the
 * writer's flushes, and the machine's CPU load; prints how many slow requests each explains
 * and the slowest with their company, and how often the collector paused in each endpoint's rounds.
 * Usage: java [-Dbench.slowMillis=10] Stalls.java server.jfr slow-requests.tsv (the threshold only labels the report)
 */
public class Stalls {

    record Span(String what, long startNanos, long endNanos) {
        boolean overlaps(long from, long to) {
            return startNanos < to && endNanos > from;
        }

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    record Slow(long dueNanos, double millis, String path) {
        long endNanos() {
            return dueNanos + (long) (millis * 1e6);
        }
    }

    record Load(long atNanos, double machine, double jvm) {
    }

    record Round(long startNanos, long endNanos, String path, long calls) {
    }

    public static void main(String[] args) throws Exception {
        var pauses = new ArrayList<Span>();
        var collections = new ArrayList<Span>();
        var flushes = new ArrayList<Span>();
        var loads = new ArrayList<Load>();
        for (var event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.GCPhasePause" -> pauses.add(span("GC pause", event));
                case "jdk.GarbageCollection" -> collections.add(new Span(event.getString("name"), nanos(event.getStartTime()),
                        nanos(event.getStartTime()) + event.getDuration("sumOfPauses").toNanos()));
                case "org.recordedcall.WriterFlush" -> flushes.add(span("flush of " + event.getLong("calls") + " calls", event));
                case "jdk.CPULoad" -> loads.add(new Load(nanos(event.getStartTime()), event.getFloat("machineTotal"),
                        event.getFloat("jvmUser") + event.getFloat("jvmSystem")));
                default -> { }
            }
        }
        var slow = new ArrayList<Slow>();
        var rounds = new ArrayList<Round>();
        for (var line : Files.readAllLines(Path.of(args[1]))) {
            var fields = line.split("\t");
            if (fields.length == 5 && fields[0].equals("round")) {
                rounds.add(new Round(Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3], Long.parseLong(fields[4])));
            } else if (fields.length == 3) {
                slow.add(new Slow(Long.parseLong(fields[0]), Double.parseDouble(fields[1]), fields[2]));
            }
        }
        collections(rounds, collections);
        if (slow.isEmpty()) {
            System.out.println("   no request of 1b was slow");
            return;
        }
        int[] counts = new int[4]; // neither, GC only, flush only, both
        for (var request : slow) {
            var gc = any(pauses, request);
            var flush = any(flushes, request);
            counts[(gc ? 1 : 0) + (flush ? 2 : 0)]++;
        }
        System.out.printf(Locale.ROOT, "   slow requests of 1b (over %s ms; both endpoints): %d, of them while a GC pause ran: %d, "
                + "while a writer flush ran (no GC pause): %d, both: %d, neither: %d%n",
                System.getProperty("bench.slowMillis", "10"), slow.size(), counts[1] + counts[3], counts[2], counts[3], counts[0]);
        for (var path : slow.stream().map(Slow::path).distinct().sorted().toList()) {
            var of = slow.stream().filter(request -> request.path().equals(path)).toList();
            var flushing = of.stream().filter(request -> any(flushes, request)).count();
            System.out.printf(Locale.ROOT, "      %-32s %5d slow, %5d of them during a flush%n", path, of.size(), flushing);
        }
        var flushTime = flushes.stream().mapToDouble(Span::millis).sum();
        if (!flushes.isEmpty()) {
            var first = Math.min(flushes.get(0).startNanos(), slow.get(0).dueNanos());
            var last = Math.max(flushes.get(flushes.size() - 1).endNanos(), slow.get(slow.size() - 1).endNanos());
            System.out.printf(Locale.ROOT, "   the writer was flushing %.0f%% of the recording's time%n",
                    100 * flushTime / ((last - first) / 1e6));
        }
        System.out.println("   the slowest, with what ran meanwhile:");
        slow.sort(Comparator.comparingDouble(Slow::millis).reversed());
        for (var request : slow.subList(0, Math.min(8, slow.size()))) {
            var meanwhile = new ArrayList<String>();
            for (var span : concat(pauses, flushes)) {
                if (span.overlaps(request.dueNanos(), request.endNanos())) {
                    meanwhile.add(String.format(Locale.ROOT, "%s %.1f ms", span.what(), span.millis()));
                }
            }
            var load = loads.stream().filter(each -> each.atNanos() >= request.dueNanos()).findFirst()
                    .map(each -> String.format(Locale.ROOT, "; CPU load next second: machine %.0f%%, server %.0f%%",
                            100 * each.machine(), 100 * each.jvm()))
                    .orElse("");
            System.out.printf(Locale.ROOT, "      %s %8.1f ms %-30s %s%s%n", Instant.ofEpochSecond(0, request.dueNanos()),
                    request.millis(), request.path(), meanwhile.isEmpty() ? "nothing recorded" : summary(meanwhile), load);
        }
    }

    /**
     * The garbage collections that began in each endpoint's rounds of 1b: how often, and how
     * long the application stood still in them. At a steady rate a request waits for a pause
     * about as often as pauses come, so more collections per call show as a higher p99.
     */
    private static void collections(List<Round> rounds, List<Span> collections) {
        System.out.println("   garbage collections during each endpoint's rounds of 1b (settling rounds included):");
        for (var path : rounds.stream().map(Round::path).distinct().sorted().toList()) {
            var of = rounds.stream().filter(round -> round.path().equals(path)).toList();
            var seconds = of.stream().mapToLong(round -> round.endNanos() - round.startNanos()).sum() / 1e9;
            var calls = of.stream().mapToLong(Round::calls).sum();
            var paused = collections.stream()
                    .filter(gc -> of.stream().anyMatch(round -> gc.startNanos() >= round.startNanos() && gc.startNanos() < round.endNanos()))
                    .mapToDouble(Span::millis).sorted().toArray();
            var total = Arrays.stream(paused).sum();
            System.out.printf(Locale.ROOT, "      %-32s %4d collections in %5.1f s (%.2f per 10,000 calls), paused %6.1f ms in all "
                            + "(%.2f%% of the time), pause p50 %.1f ms, max %.1f ms%n",
                    path, paused.length, seconds, paused.length * 10_000.0 / Math.max(1, calls), total, total / 10 / seconds,
                    paused.length == 0 ? 0 : paused[paused.length / 2], paused.length == 0 ? 0 : paused[paused.length - 1]);
        }
    }

    private static String summary(List<String> spans) {
        return spans.size() <= 4 ? String.join(", ", spans) : String.join(", ", spans.subList(0, 4)) + " and " + (spans.size() - 4) + " more";
    }

    private static List<Span> concat(List<Span> a, List<Span> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(Span::startNanos));
        return all;
    }

    private static boolean any(List<Span> spans, Slow request) {
        for (var span : spans) {
            if (span.overlaps(request.dueNanos(), request.endNanos())) {
                return true;
            }
        }
        return false;
    }

    private static Span span(String what, RecordedEvent event) {
        return new Span(what, nanos(event.getStartTime()), nanos(event.getEndTime()));
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
