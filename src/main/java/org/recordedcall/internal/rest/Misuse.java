package org.recordedcall.internal.rest;

import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.masking.SecretNames;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The library's annotations used in a way that cannot mean anything, found when the
 * application deploys: each a numbered message naming the class or method, so that a value
 * out of range fails the deployment instead of being clamped silently.
 *
 * <ul>
 * <li>{@code RC001} {@code sampleRate} above 1 (or not a number): a fraction of calls is at most all of them</li>
 * <li>{@code RC002} {@code slowerThanMillis} negative</li>
 * <li>{@code RC003} a {@code masked} name without a letter or digit: it would mask nothing</li>
 * <li>{@code RC004} an operation name ({@code value}) longer than the {@value #OPERATION_MAX} characters it is stored in</li>
 * <li>{@code RC005} {@code @RecordedCall} and {@code @NotRecorded} on the same class or method</li>
 * </ul>
 */
public final class Misuse {

    /** The longest operation name the record stores. */
    public static final int OPERATION_MAX = 255;

    private Misuse() {
    }

    /** What is wrong with the annotations of the class and of its own methods; empty when nothing is. */
    public static List<String> of(Class<?> type) {
        var problems = new ArrayList<String>();
        check(type, type.getName(), problems);
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic()) {
                check(method, type.getName() + "." + method.getName(), problems);
            }
        }
        return problems;
    }

    private static void check(AnnotatedElement element, String where, List<String> problems) {
        var recorded = element.getAnnotation(RecordedCall.class);
        if (recorded == null) {
            return;
        }
        if (element.isAnnotationPresent(NotRecorded.class)) {
            problems.add(message("RC005", where, "carries both @RecordedCall and @NotRecorded; keep the one you mean"));
        }
        var rate = recorded.sampleRate();
        if (rate > 1 || Double.isNaN(rate)) {
            problems.add(message("RC001", where, "@RecordedCall(sampleRate = " + rate + "): must be from 0 to 1 "
                    + "(a negative value means the setting recordedcall.sample-rate)"));
        }
        if (recorded.slowerThanMillis() < 0) {
            problems.add(message("RC002", where, "@RecordedCall(slowerThanMillis = " + recorded.slowerThanMillis()
                    + "): must not be negative (0 stores every call)"));
        }
        for (var name : recorded.masked()) {
            if (SecretNames.normalize(name).isEmpty()) {
                problems.add(message("RC003", where, "@RecordedCall(masked = \"" + name
                        + "\"): a name needs a letter or digit, or it masks nothing"));
            }
        }
        if (recorded.value().length() > OPERATION_MAX) {
            problems.add(message("RC004", where, "@RecordedCall(value = \"" + recorded.value().substring(0, 40)
                    + "...\"): an operation name has at most " + OPERATION_MAX + " characters, this one "
                    + recorded.value().length()));
        }
    }

    private static String message(String code, String where, String what) {
        return "recorded-call " + code + ": " + where + " " + what;
    }
}
