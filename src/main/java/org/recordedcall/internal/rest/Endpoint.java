package org.recordedcall.internal.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.sse.SseEventSink;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.body.BodyText;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is known of a recorded method before any call: its class and name, the operation,
 * the route template below the application path, and which parts of a call to record.
 *
 * @param resourceClass  the class that declares the method; {@code null} for a call no method served
 * @param method         the Java method; {@code null} for a call no method served
 * @param operation      the annotation's name, else {@code SimpleClassName#method}
 * @param template       the Jakarta REST template below the application path, e.g.
 *                       {@code /orders/{id}}; empty for a method that is no resource method,
 *                       {@code null} for a call no method served
 * @param policy         what the effective annotation (the method's, else its class's) asks, read once
 * @param masked         the names the class's and the method's annotations add to the masked ones
 * @param streamsEvents  whether the method answers with server-sent events, a stream that
 *                       normally ends when its client leaves
 */
public record Endpoint(Class<?> resourceClass, Method method, String operation, String template, Policy policy,
                List<String> masked, boolean streamsEvents) {

    /** The members of a {@link RecordedCall}, read from the annotation once rather than through its proxy per call. */
    public record Policy(boolean requestBody, boolean responseBody, boolean arguments, boolean result, boolean headers,
                         boolean onlyFailures, long slowerThanMillis, double sampleRate) {

        /** Everything recorded, every call stored: what no annotation asks otherwise. */
        public static final Policy DEFAULT = new Policy(true, true, true, true, true, false, 0, -1);

        public static Policy of(RecordedCall annotation) {
            return annotation == null ? DEFAULT : new Policy(annotation.requestBody(), annotation.responseBody(),
                    annotation.arguments(), annotation.result(), annotation.headers(), annotation.onlyFailures(),
                    Math.max(0, annotation.slowerThanMillis()), annotation.sampleRate());
        }
    }

    /**
     * Whether calls of the method are recorded, the one rule for resource methods and bean
     * methods alike: the method's own annotation decides ({@link NotRecorded} keeps it out),
     * then its class's (or that of the class declaring it), then whether its application is
     * recorded whole (a class marked {@link NotRecorded} stays out of that).
     */
    public static boolean isRecorded(Class<?> type, Method method, boolean applicationWide) {
        if (method.isAnnotationPresent(RecordedCall.class)) {
            return true;
        }
        if (method.isAnnotationPresent(NotRecorded.class)) {
            return false;
        }
        if (type.isAnnotationPresent(RecordedCall.class)
                || method.getDeclaringClass().isAnnotationPresent(RecordedCall.class)) {
            return true;
        }
        return applicationWide && !type.isAnnotationPresent(NotRecorded.class);
    }

    /** Whether the class is the library's own: nothing of the library's is ever recorded or bound. */
    public static boolean isLibrarys(Class<?> type) {
        return type.getName().startsWith("org.recordedcall.internal.");
    }

    /** The endpoint of {@code method} served through {@code resourceClass} (which may be a subclass or proxy). */
    public static Endpoint of(Class<?> resourceClass, Method method) {
        return of(resourceClass, method, null);
    }

    /**
     * The same, in an application recorded whole by {@code applicationWide} (its
     * {@code Application}'s annotation, or the default one for the setting), which the
     * class's and the method's annotations override.
     */
    public static Endpoint of(Class<?> resourceClass, Method method, RecordedCall applicationWide) {
        var type = userClass(resourceClass);
        var own = policy(type, method);
        var policy = own != null ? own : applicationWide;
        // an application's annotation names no operation: only a class's or method's does
        var name = own == null || own.value().isBlank()
                ? type.getSimpleName() + "#" + method.getName()
                : own.value();
        return new Endpoint(type, method, name, template(type, method), Policy.of(policy),
                masked(type, method, applicationWide),
                streamsEvents(method));
    }

    /**
     * The endpoint of a call that no resource method served: one an application filter
     * answered before the runtime matched a resource, in an application recorded whole.
     */
    public static Endpoint unmatched(RecordedCall applicationWide) {
        return new Endpoint(null, null, null, null, Policy.of(applicationWide), masked(null, null, applicationWide),
                false);
    }

    /**
     * The endpoint of a call the runtime refused before choosing a method (405, 406, 415, an
     * {@code OPTIONS} it answered itself) on the path {@code template} of the recorded resource
     * class {@code type}: the class's policy (else the application's), no method.
     */
    public static Endpoint refused(Class<?> type, String template, RecordedCall applicationWide) {
        var own = type.getAnnotation(RecordedCall.class);
        return new Endpoint(null, null, null, template, Policy.of(own != null ? own : applicationWide),
                masked(type, null, applicationWide), false);
    }

    /** Whether an intercepted invocation of {@code candidate} is this endpoint's method. */
    public boolean isServedBy(Method candidate) {
        return method != null && method.getName().equals(candidate.getName())
                && Arrays.equals(method.getParameterTypes(), candidate.getParameterTypes());
    }

    public boolean records(Part part) {
        return switch (part) {
            case REQUEST_BODY -> policy.requestBody();
            case RESPONSE_BODY -> policy.responseBody();
            case ARGUMENTS -> policy.arguments();
            case RESULT -> policy.result();
            case HEADERS -> policy.headers();
        };
    }

    /** The parts of a call that an annotation member can switch off. */
    public enum Part { REQUEST_BODY, RESPONSE_BODY, ARGUMENTS, RESULT, HEADERS }

    private static boolean streamsEvents(Method method) {
        for (var type : method.getParameterTypes()) {
            if (type == SseEventSink.class) {
                return true;
            }
        }
        var produces = method.getAnnotation(Produces.class);
        return produces != null && Arrays.stream(produces.value())
                .anyMatch(BodyText::isEventStream);
    }

    /**
     * Whether the method's class has no {@code @Path} of its own: then it is a sub-resource,
     * reached through locators whose paths the route must include.
     */
    public boolean isSubResource() {
        return resourceClass != null && !resourceClass.isAnnotationPresent(Path.class);
    }

    public boolean onlyFailures() {
        return policy.onlyFailures();
    }

    public long slowerThanMillis() {
        return policy.slowerThanMillis();
    }

    /** The endpoint's own sample rate, or {@code fallback} when it sets none. */
    public double sampleRate(double fallback) {
        return policy.sampleRate() < 0 ? fallback : Math.min(1, policy.sampleRate());
    }

    private static List<String> masked(Class<?> type, Method method, RecordedCall applicationWide) {
        var names = new ArrayList<String>();
        for (var annotation : new RecordedCall[] {applicationWide, type == null ? null : type.getAnnotation(RecordedCall.class),
                method == null ? null : method.getAnnotation(RecordedCall.class)}) {
            if (annotation != null) {
                names.addAll(Arrays.asList(annotation.masked()));
            }
        }
        return List.copyOf(names);
    }

    private static RecordedCall policy(Class<?> type, Method method) {
        var onMethod = method.getAnnotation(RecordedCall.class);
        return onMethod != null ? onMethod : type.getAnnotation(RecordedCall.class);
    }

    // CDI containers may hand us a generated subclass (a proxy); the user's class is above it
    public static Class<?> userClass(Class<?> type) {
        var current = type;
        while (current.getSuperclass() != null
                && (current.isSynthetic() || current.getName().contains("$$"))) {
            current = current.getSuperclass();
        }
        return current;
    }

    private static String template(Class<?> type, Method method) {
        var joined = pathTemplate(type, method);
        return joined.isEmpty() ? "" : RouteTemplate.withoutPatterns(joined);
    }

    /** The class's and the method's {@code @Path} joined, their parameters' patterns kept; empty for neither. */
    public static String pathTemplate(Class<?> type, Method method) {
        var onClass = type.getAnnotation(Path.class);
        var onMethod = method.getAnnotation(Path.class);
        if (onClass == null && onMethod == null) {
            return "";
        }
        return join(onClass == null ? "" : onClass.value(), onMethod == null ? "" : onMethod.value());
    }

    /** The segments joined by one slash each, without the slashes they start or end with; "/" for none. */
    public static String join(String... segments) {
        var route = new StringBuilder();
        for (var segment : segments) {
            int start = 0;
            int end = segment.length();
            while (start < end && segment.charAt(start) == '/') {
                start++;
            }
            while (end > start && segment.charAt(end - 1) == '/') {
                end--;
            }
            if (start < end) {
                route.append('/').append(segment, start, end);
            }
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
