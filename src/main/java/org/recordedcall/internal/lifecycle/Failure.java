package org.recordedcall.internal.lifecycle;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;

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

    /**
     * The exception the Jakarta REST runtime raises for {@code status} when it refuses a request
     * before choosing a method (405 {@code NotAllowedException}, 406 {@code NotAcceptableException},
     * 415 {@code NotSupportedException}, ...), for when the runtime answers it without showing
     * the library the exception: its type and the runtime's message, no stack trace.
     * {@code null} for a status that is no error.
     */
    static Failure ofRefusal(int status) {
        if (status < 400) {
            return null;
        }
        var type = switch (status) {
            case 400 -> BadRequestException.class;
            case 404 -> NotFoundException.class;
            case 405 -> NotAllowedException.class;
            case 406 -> NotAcceptableException.class;
            case 415 -> NotSupportedException.class;
            default -> status < 500 ? ClientErrorException.class : ServerErrorException.class;
        };
        var known = Response.Status.fromStatusCode(status);
        return new Failure(type.getName(), "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase()), null);
    }

    private static String safeMessage(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException broken) {
            return "<message unavailable: " + broken.getClass().getName() + ">";
        }
    }
}
