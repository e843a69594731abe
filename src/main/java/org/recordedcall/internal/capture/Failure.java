package org.recordedcall.internal.capture;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * An exception as the record stores it.
 *
 * @param type       the exception's class name
 * @param message    its message, or {@code null}
 * @param stackTrace its stack trace, capped
 */
record Failure(String type, String message, String stackTrace) {

    static Failure of(Throwable thrown, int maxStackChars) {
        var text = new StringWriter();
        try (var out = new PrintWriter(text)) {
            thrown.printStackTrace(out);
        } catch (RuntimeException broken) {
            // a user exception whose printStackTrace fails still gets its type recorded
            text.write("<stack trace unavailable: " + broken + ">");
        }
        var stack = text.toString();
        if (stack.length() > maxStackChars) {
            stack = stack.substring(0, maxStackChars) + "\n\t... (truncated, " + stack.length() + " chars)";
        }
        return new Failure(thrown.getClass().getName(), safeMessage(thrown), stack);
    }

    private static String safeMessage(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException broken) {
            return "<message unavailable: " + broken.getClass().getName() + ">";
        }
    }
}
