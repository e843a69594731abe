package org.recordedcall.internal.origin;

import java.util.regex.Pattern;

/** Reads the trace id of a W3C {@code traceparent} header. */
public final class TraceParent {

    // version-traceid-parentid-flags; version ff and all-zero ids are invalid by the spec
    private static final Pattern FORMAT =
            Pattern.compile("^\\s*(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-.*)?\\s*$");

    private TraceParent() {
    }

    /** The trace id, or {@code null} when the header is absent or malformed. */
    public static String traceId(String header) {
        if (header == null || header.length() > 512) {
            return null;
        }
        var matcher = FORMAT.matcher(header);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
