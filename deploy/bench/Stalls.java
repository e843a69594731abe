import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's stall finder (run by deploy/benchmark.sh with PROFILE=1): lines up each slow
 * request of section 1b (its due time and latency, from the driver's slow-requests.tsv) with
 * what the server's Flight Recorder saw while it waited: garbage-collector pauses, the
 * writer's flushes, and the machine's CPU load; prints how many slow requests each explains
 * and the slowest with their company, and how often the collector paused in each endpoint's rounds.
 * Also prints the writer's flush durations as a histogram, the top frames and allocation sites of
 * 1b's recorded rounds against its unrecorded ones, and, from the server's GC log where given, the
 * heap allocated per call in each endpoint's rounds and how long the JVM took to reach each
 * safepoint and stood in it; the same for the load driver's JVM, whose pauses hold up its
 * requests as the server's do.
 * Usage: java [-Dbench.slowMillis=10] Stalls.java server.jfr slow-requests.tsv [gc.log [driver-gc.log]]
 * (the threshold only labels the report; the driver's GC log for its safepoints only)
 */
public class Stalls {

    /** The GC log's {@code time} decoration. */
    static final DateTimeFormatter GC_LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

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
        boolean holds(long atNanos) {
            return atNanos >= startNanos && atNanos < endNanos;
        }
    }

    /** A sample of a thread running Java code: when, and its innermost frame. */
    record Sample(long atNanos, String frame) {
    }

    /** 1b's two endpoints, told apart by the unrecorded one's path, and the calls each made in its rounds. */
    record Endpoints(String recorded, String unrecorded, Map<String, Long> calls) {
        static Optional<Endpoints> of(List<Round> rounds) {
            var paths = rounds.stream().map(Round::path).distinct().sorted().toList();
            if (paths.size() != 2) {
                return Optional.empty();
            }
            var recorded = paths.stream().filter(path -> !path.contains("unseen")).findFirst().orElse(paths.get(0));
            var calls = new HashMap<String, Long>();
            for (var round : rounds) {
                calls.merge(round.path(), round.calls(), Long::sum);
            }
            return Optional.of(new Endpoints(recorded, paths.get(0).equals(recorded) ? paths.get(1) : paths.get(0), calls));
        }

        /** What happened in each endpoint's rounds, summed by key: the events, when each happened, its key and its amount. */
        <E> Map<String, Map<String, Long>> byPath(List<Round> rounds, List<E> events,
                ToLongFunction<E> at, Function<E, String> key, ToLongFunction<E> amount) {
            var sums = new HashMap<String, Map<String, Long>>();
            for (var event : events) {
                for (var round : rounds) {
                    if (round.holds(at.applyAsLong(event))) {
                        sums.computeIfAbsent(round.path(), path -> new HashMap<>()).merge(key.apply(event), amount.applyAsLong(event), Long::sum);
                        break;
                    }
                }
            }
            return sums;
        }

        /** Per call of the endpoint's rounds. */
        double perCall(String path, double amount) {
            return amount / Math.max(1, calls.getOrDefault(path, 0L));
        }

        /** The recorded rounds' largest entries, each beside the unrecorded rounds' same entry, per call and scaled. */
        void printTop(Map<String, Map<String, Long>> sums, double scale, String format) {
            var ofRecorded = sums.getOrDefault(recorded, Map.of());
            var ofUnrecorded = sums.getOrDefault(unrecorded, Map.of());
            ofRecorded.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(15)
                    .forEach(entry -> System.out.printf(Locale.ROOT, format, perCall(recorded, entry.getValue() * scale),
                            perCall(unrecorded, ofUnrecorded.getOrDefault(entry.getKey(), 0L) * scale), entry.getKey()));
        }

        double total(Map<String, Map<String, Long>> sums, String path, double scale) {
            return perCall(path, sums.getOrDefault(path, Map.of()).values().stream().mapToLong(Long::longValue).sum() * scale);
        }
    }

    /** Flight Recorder's sample of an allocation: when, where (the first frame outside the JDK), and the bytes it stands for. */
    record Allocation(long atNanos, String site, long weight) {
    }

    /** A pause of the collector from the GC log: when it ended, how long it took, the heap before and after it. */
    record Pause(long endNanos, long durationNanos, long beforeBytes, long afterBytes) {
        long startNanos() {
            return endNanos - durationNanos;
        }
    }

    /** A safepoint from the GC log: when it ended, how long the threads took to reach it, and in all. */
    record Safepoint(String operation, long endNanos, long reachingNanos, long totalNanos) {
        Span span() {
            return new Span("safepoint " + operation, endNanos - totalNanos, endNanos);
        }
    }

    public static void main(String[] args) throws Exception {
        var pauses = new ArrayList<Span>();
        var collections = new ArrayList<Span>();
        var flushes = new ArrayList<Span>();
        var loads = new ArrayList<Load>();
        var samples = new ArrayList<Sample>();
        var allocations = new ArrayList<Allocation>();
        for (var event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.GCPhasePause" -> pauses.add(span("GC pause", event));
                case "jdk.GarbageCollection" -> collections.add(new Span(event.getString("name"), nanos(event.getStartTime()),
                        nanos(event.getStartTime()) + event.getDuration("sumOfPauses").toNanos()));
                case "org.recordedcall.WriterFlush" -> flushes.add(span("flush of " + event.getLong("calls") + " calls", event));
                case "jdk.CPULoad" -> loads.add(new Load(nanos(event.getStartTime()), event.getFloat("machineTotal"),
                        event.getFloat("jvmUser") + event.getFloat("jvmSystem")));
                case "jdk.ObjectAllocationSample" ->
                        allocations.add(new Allocation(nanos(event.getStartTime()), allocationSite(frames(event)), event.getLong("weight")));
                case "jdk.ExecutionSample" -> {
                    var frames = frames(event);
                    if (!frames.isEmpty()) {
                        samples.add(new Sample(nanos(event.getStartTime()), name(frames.get(0))));
                    }
                }
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
        flushHistogram(flushes);
        var endpoints = Endpoints.of(rounds);
        if (endpoints.isPresent()) {
            topFrames(endpoints.get(), rounds, samples);
            allocated(endpoints.get(), rounds, args.length > 2 ? pauses(Path.of(args[2])) : List.of(), allocations);
        }
        // the safepoints of 1b's rounds only: not the server's start, nor section 1's saturation
        var from = rounds.stream().mapToLong(Round::startNanos).min().orElse(Long.MIN_VALUE);
        var to = rounds.stream().mapToLong(Round::endNanos).max().orElse(Long.MAX_VALUE);
        if (args.length > 2) {
            safepointReport("the server's", safepoints(Path.of(args[2])), from, to, slow);
        }
        if (args.length > 3) {
            safepointReport("the load driver's", safepoints(Path.of(args[3])), from, to, slow);
        }
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

    /** The writer's flushes by how long each took, in buckets of 1, 2 and 5 times a power of ten milliseconds. */
    private static void flushHistogram(List<Span> flushes) {
        if (flushes.isEmpty()) {
            return;
        }
        long[] bounds = {1, 2, 5, 10, 20, 50, 100, 200, 500};
        var counts = new int[bounds.length + 1];
        for (var flush : flushes) {
            int bucket = 0;
            while (bucket < bounds.length && flush.millis() > bounds[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        var line = new StringBuilder("   the writer's flushes by duration (ms):");
        for (int i = 0; i <= bounds.length; i++) {
            if (counts[i] > 0) {
                line.append(i == bounds.length ? "  >" + bounds[i - 1] : "  <=" + bounds[i]).append(": ").append(counts[i]);
            }
        }
        System.out.println(line);
    }

    /**
     * The innermost frames of the Java samples taken during 1b's rounds (settling rounds
     * included), per 10,000 calls of each endpoint: where the server's CPU went while it served
     * recorded calls at half load, beside the same frame while it served unrecorded ones.
     */
    private static void topFrames(Endpoints endpoints, List<Round> rounds, List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        var sums = endpoints.byPath(rounds, samples, Sample::atNanos, Sample::frame, sample -> 1);
        System.out.printf(Locale.ROOT, "   top frames (self) in 1b's recorded rounds, samples per 10,000 calls: %.1f in all (unrecorded rounds %.1f)%n",
                endpoints.total(sums, endpoints.recorded(), 10_000), endpoints.total(sums, endpoints.unrecorded(), 10_000));
        endpoints.printTop(sums, 10_000, "      %6.1f  (unrecorded %5.1f)  %s%n");
    }

    /**
     * The heap allocated per call in each endpoint's rounds of 1b, from the GC log: what was
     * allocated between two pauses is the heap before the second less the heap after the first,
     * spread evenly over the time between them. Steadier between runs than CPU time (it still
     * moves with the machine's phase and the rate), and what sets how often the collector pauses. Then the allocation sites
     * of the recorded rounds, from Flight Recorder's samples, per call beside the unrecorded rounds'.
     */
    private static void allocated(Endpoints endpoints, List<Round> rounds, List<Pause> pauses, List<Allocation> allocations) {
        var bytes = new HashMap<String, Double>();
        for (int i = 1; i < pauses.size(); i++) {
            long from = pauses.get(i - 1).endNanos();
            long to = pauses.get(i).startNanos();
            double between = pauses.get(i).beforeBytes() - pauses.get(i - 1).afterBytes();
            if (to <= from || between <= 0) {
                continue;
            }
            for (var round : rounds) {
                long overlap = Math.min(to, round.endNanos()) - Math.max(from, round.startNanos());
                if (overlap > 0) {
                    bytes.merge(round.path(), between * overlap / (to - from), Double::sum);
                }
            }
        }
        if (!pauses.isEmpty()) {
            double perRecorded = endpoints.perCall(endpoints.recorded(), bytes.getOrDefault(endpoints.recorded(), 0.0)) / 1024;
            double perUnrecorded = endpoints.perCall(endpoints.unrecorded(), bytes.getOrDefault(endpoints.unrecorded(), 0.0)) / 1024;
            System.out.printf(Locale.ROOT, "   heap allocated per call in 1b's rounds (GC log, settling rounds included): unrecorded %.1f KB, "
                    + "recorded %.1f KB, added %.1f KB%n", perUnrecorded, perRecorded, perRecorded - perUnrecorded);
        }
        if (allocations.isEmpty()) {
            return;
        }
        var sums = endpoints.byPath(rounds, allocations, Allocation::atNanos, Allocation::site, Allocation::weight);
        System.out.printf(Locale.ROOT, "   allocation sites in 1b's recorded rounds (Flight Recorder's samples, KB per call): %.1f in all "
                        + "(unrecorded rounds %.1f)%n", endpoints.total(sums, endpoints.recorded(), 1.0 / 1024),
                endpoints.total(sums, endpoints.unrecorded(), 1.0 / 1024));
        endpoints.printTop(sums, 1.0 / 1024, "      %6.2f  (unrecorded %5.2f)  %s%n");
    }

    /** The first frame of an allocation outside the JDK's own packages, or the innermost one. */
    private static String allocationSite(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return name(frame);
            }
        }
        return frames.isEmpty() ? "(no stack)" : name(frames.get(0));
    }

    /** A frame's method, as its class's name and its own. */
    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The collector's pauses in a GC log written with {@code -Xlog:gc:...:time}, with the heap before and after each. */
    private static List<Pause> pauses(Path log) throws IOException {
        return linesOf(log, "\\[gc\\s*\\] GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\(\\d+M\\) ([\\d.]+)ms",
                (at, match) -> new Pause(at, (long) (Double.parseDouble(match.group(4)) * 1e6),
                        Long.parseLong(match.group(2)) << 20, Long.parseLong(match.group(3)) << 20));
    }

    /**
     * The safepoints of a GC log written with {@code -Xlog:safepoint:...:time}: each line ends a
     * safepoint and says, in nanoseconds, how long the threads took to reach it and its total.
     */
    private static List<Safepoint> safepoints(Path log) throws IOException {
        return linesOf(log, "Safepoint \"([^\"]+)\".*Reaching safepoint: (\\d+) ns.*Total: (\\d+) ns",
                (at, match) -> new Safepoint(match.group(2), at, Long.parseLong(match.group(3)), Long.parseLong(match.group(4))));
    }

    /**
     * What each line of a GC log that the pattern finds says, read with the time the line was
     * written (its {@code time} decoration, group 1 of the match, in nanoseconds since the
     * epoch); nothing where there is no log.
     */
    private static <T> List<T> linesOf(Path log, String pattern, BiFunction<Long, Matcher, T> read)
            throws IOException {
        var line = Pattern.compile("^\\[([^\\]]+)\\].*?" + pattern);
        var found = new ArrayList<T>();
        if (!Files.exists(log)) {
            return found;
        }
        for (var text : Files.readAllLines(log)) {
            var match = line.matcher(text);
            if (match.find()) {
                found.add(read.apply(nanos(OffsetDateTime.parse(match.group(1), GC_LOG_TIME).toInstant()), match));
            }
        }
        return found;
    }

    private static void safepointReport(String whose, List<Safepoint> all, long from, long to, List<Slow> slow) {
        var safepoints = all.stream().filter(each -> each.span().overlaps(from, to)).toList();
        if (safepoints.isEmpty()) {
            return;
        }
        var reaching = safepoints.stream().mapToDouble(each -> each.reachingNanos() / 1e6).sorted().toArray();
        var total = safepoints.stream().mapToDouble(each -> each.totalNanos() / 1e6).sorted().toArray();
        System.out.printf(Locale.ROOT, "   %s safepoints during 1b's rounds (GC log): %d; reaching them p99 %.2f ms, max %.2f ms; standing in them p99 %.2f ms, max %.2f ms%n",
                whose, safepoints.size(), percentile(reaching, 0.99), reaching[reaching.length - 1], percentile(total, 0.99), total[total.length - 1]);
        var longest = safepoints.stream().max(Comparator.comparingLong(Safepoint::reachingNanos)).orElseThrow();
        System.out.printf(Locale.ROOT, "      the longest to reach: %s, %.2f ms of %.2f ms, ended %s%n", longest.operation(),
                longest.reachingNanos() / 1e6, longest.totalNanos() / 1e6, Instant.ofEpochSecond(0, longest.endNanos()));
        var spans = safepoints.stream().filter(each -> each.totalNanos() >= 1_000_000).map(Safepoint::span).toList();
        var during = slow.stream().filter(request -> any(spans, request)).count();
        System.out.printf(Locale.ROOT, "      slow requests of 1b while a safepoint of 1 ms or more ran: %d of %d%n", during, slow.size());
    }

    private static double percentile(double[] sorted, double rank) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(rank * sorted.length) - 1)];
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

    private static List<RecordedFrame> frames(RecordedEvent event) {
        return event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames();
    }

    private static Span span(String what, RecordedEvent event) {
        return new Span(what, nanos(event.getStartTime()), nanos(event.getEndTime()));
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
