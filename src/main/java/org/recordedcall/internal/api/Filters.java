package org.recordedcall.internal.api;

import org.recordedcall.CallOutcome;
import org.recordedcall.CallQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of the API, read into a {@link CallQuery}. Each is checked and a bad
 * one is an {@link IllegalArgumentException} that names it and says what was expected, which
 * the API answers with a 400; an unknown parameter is refused too, so a misspelt filter never
 * silently widens the answer.
 */
final class Filters {

    static final Set<String> QUERY = Set.of("from", "to", "route", "path", "method", "status", "outcome", "exception",
            "principal", "correlationId", "minDurationMs", "attribute", "order", "limit", "after");

    /** The parameters that may be given more than once, each adding to the others. */
    private static final Set<String> REPEATABLE = Set.of("attribute");

    /** The most {@code attribute} filters one query takes. */
    static final int MAX_ATTRIBUTES = 10;

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The list's parameters: the query's, and whether each call comes whole. */
    static final Set<String> LIST = java.util.stream.Stream.concat(QUERY.stream(), Set.of("full").stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final int MAX_TEXT = 1024;

    private final Map<String, List<String>> parameters;

    private Filters(Map<String, List<String>> parameters, Set<String> known) {
        this.parameters = parameters;
        for (var name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (parameters.get(name).size() > 1 && !REPEATABLE.contains(name)) {
                throw new IllegalArgumentException(name + ": given " + parameters.get(name).size() + " times; give it once");
            }
        }
    }

    static Filters of(Map<String, List<String>> parameters, Set<String> known) {
        return new Filters(parameters, known);
    }

    /** The filters and order of the list and the export, as a query for pages of {@code pageSize} calls. */
    CallQuery query(int pageSize) {
        return new CallQuery(instant("from"), instant("to"), text("route"), text("path"),
                text("method") == null ? null : text("method").toUpperCase(Locale.ROOT),
                integer("status", null, 100, 599), choice("outcome", CallOutcome.class), text("exception"),
                text("principal"), text("correlationId"), milliseconds("minDurationMs"), attributes(),
                choice("order", CallQuery.Order.class), pageSize, text("after"));
    }

    /** {@code attribute=name:value}, repeatable: calls with all of them; the name as stored. */
    private Map<String, String> attributes() {
        var given = parameters.getOrDefault("attribute", List.of());
        if (given.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("attribute: given " + given.size() + " times; at most " + MAX_ATTRIBUTES);
        }
        var attributes = new LinkedHashMap<String, String>();
        for (var pair : given) {
            var colon = pair.indexOf(':');
            var name = colon < 0 ? pair : pair.substring(0, colon);
            if (colon < 0 || !ATTRIBUTE_NAME.matcher(name).matches() || pair.length() > MAX_TEXT) {
                throw new IllegalArgumentException("attribute: must be name:value, the name of letters, digits, '.', '_' "
                        + "and '-' (at most 64), e.g. tenant:acme; was " + pair);
            }
            if (attributes.put(name, pair.substring(colon + 1)) != null) {
                throw new IllegalArgumentException("attribute: " + name + " given twice; a call has one value of it");
            }
        }
        return attributes;
    }

    Instant instant(String name) {
        var value = parse(name, "an ISO-8601 instant such as 2026-11-21T10:00:00Z", Instant::parse);
        CallQuery.checkInstant(name, value);
        return value;
    }

    /** The window of statistics: {@code from} and {@code to}, by default the hour before now. */
    Instant[] window() {
        var to = instant("to");
        var from = instant("from");
        var end = to == null ? Instant.now() : to;
        var start = from == null ? latest(CallQuery.EARLIEST, end.minus(Duration.ofHours(1))) : from;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to, was " + start + " and " + end);
        }
        return new Instant[] {start, end};
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    String text(String name) {
        var values = parameters.get(name);
        var value = values == null || values.isEmpty() ? null : values.get(0);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + ": longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    Integer integer(String name, Integer fallback, int min, int max) {
        var value = parse(name, "a whole number from " + min + " to " + max, text -> Integer.valueOf(digits(text)));
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    private Long milliseconds(String name) {
        var value = parse(name, "a whole number of milliseconds from 0 to " + CallQuery.MAX_DURATION_MILLIS,
                text -> Long.valueOf(digits(text)));
        if (value != null && (value < 0 || value > CallQuery.MAX_DURATION_MILLIS)) {
            throw new IllegalArgumentException(name + ": must be from 0 to " + CallQuery.MAX_DURATION_MILLIS
                    + ", was " + value);
        }
        return value;
    }

    /**
     * The text when it is a whole number in ASCII digits with an optional sign; Java's number
     * parsing alone takes any Unicode digit ({@code ５００}, {@code ٣}).
     */
    private static String digits(String text) {
        var start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            throw new NumberFormatException(text);
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new NumberFormatException(text);
            }
        }
        return text;
    }

    /** {@code true} or {@code false}; {@code fallback} when not given. */
    boolean bool(String name, boolean fallback) {
        var value = text(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": expected true or false, was '" + value + "'");
        };
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type) {
        var names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return parse(name, "one of " + names, value -> Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
    }

    private <T> T parse(String name, String expected, Function<String, T> parser) {
        var value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException wrong) {
            throw new IllegalArgumentException(name + ": expected " + expected + ", was '" + value + "'");
        }
    }
}
