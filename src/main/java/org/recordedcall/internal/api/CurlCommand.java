package org.recordedcall.internal.api;

import org.recordedcall.CallRecord;
import org.recordedcall.internal.OneLine;

import java.util.Locale;
import java.util.Set;

/**
 * A recorded HTTP call as a {@code curl} command that sends it again: method, URL, headers
 * and body as recorded. Masked values stay {@code ***} (to fill in by hand), and a body the
 * record holds only as a placeholder or cut at the cap is left out with a comment saying so.
 * The command sends exactly what the record holds, whatever that is: the URL is not globbed
 * ({@code --globoff}: {@code {a,b}} and {@code [1-9]} stay as they are), the body is data, never
 * a file name ({@code --data-raw}: a body starting with {@code @} is sent as it is), and a
 * header that curl would read as a file name is left out.
 */
final class CurlCommand {

    // set by curl itself, hop-by-hop (an HTTP/2 upgrade curl would not follow), or meaningless for a new request
    private static final Set<String> LEFT_OUT = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "accept-encoding", "x-request-id", "upgrade", "http2-settings", "keep-alive", "te", "trailer",
            "proxy-connection", "traceparent", "tracestate");

    private CurlCommand() {
    }

    /** The command for {@code call}, sent to the application at {@code contextUrl} (scheme, host, port, context path). */
    static String of(CallRecord call, String contextUrl) {
        var command = new StringBuilder("curl --globoff");
        var method = call.httpMethod();
        var unsent = unsentBecause(call);
        var sendsBody = call.requestBody() != null && unsent == null;
        if ("HEAD".equals(method)) {
            command.append(" --head"); // -X HEAD would wait for a body that never comes
        } else if (method != null && (!method.equals("GET") || sendsBody)) {
            command.append(" -X ").append(quote(method)); // a body alone would make curl send a POST
        }
        var url = contextUrl + (call.path() == null ? "" : call.path())
                + (call.query() == null ? "" : "?" + call.query());
        command.append(' ').append(quote(url));
        var notes = new StringBuilder();
        if (call.requestHeaders() != null) {
            call.requestHeaders().forEach((name, values) -> {
                if (name.startsWith("@")) {
                    notes.append("# a header named ").append(OneLine.of(name, 200))
                            .append(" was left out: curl reads -H @... as a file\n");
                } else if (!LEFT_OUT.contains(name.toLowerCase(Locale.ROOT))) {
                    for (var value : values) {
                        command.append(" \\\n  -H ").append(quote(name + ": " + value));
                    }
                }
            });
        }
        if (unsent != null) {
            notes.append("# ").append(unsent).append(": not sent\n");
        } else if (sendsBody) {
            command.append(" \\\n  --data-raw ").append(quote(call.requestBody()));
        }
        if (call.requestHeaders() != null && call.requestHeaders().values().stream().flatMap(java.util.List::stream)
                .anyMatch("***"::equals)) {
            notes.append("# *** marks a masked value: fill it in before sending\n");
        }
        return notes + command.toString() + "\n";
    }

    /** Why the recorded body cannot be sent as it came, or {@code null} when it can (or there is none). */
    private static String unsentBecause(CallRecord call) {
        var body = call.requestBody();
        if (body == null) {
            return null;
        }
        if (call.requestBodyTruncated()) {
            return "the request body was not recorded whole (cut at the cap)";
        }
        if (body.startsWith("<") && body.endsWith(" bytes>")) {
            return "the request body was not recorded whole (" + OneLine.of(body, 200) + ")";
        }
        if (body.indexOf('\0') >= 0) {
            return "the request body holds a NUL character, which a shell argument cannot";
        }
        return null;
    }

    /** Single-quoted for a POSIX shell: nothing inside is expanded. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
