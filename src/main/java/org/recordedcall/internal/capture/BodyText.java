package org.recordedcall.internal.capture;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a captured body into the text stored in the record, or a placeholder for binary content. */
final class BodyText {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

    private BodyText() {
    }

    /**
     * The text of a body, {@code null} when there was none.
     *
     * @param copy        what was captured
     * @param contentType the body's {@code Content-Type}, may be {@code null}
     */
    static String of(CappedBuffer copy, String contentType) {
        if (copy == null || copy.total() == 0) {
            return null;
        }
        if (!isText(contentType)) {
            return "<binary " + contentType + ", " + copy.total() + " bytes>";
        }
        // REPLACE keeps invalid bytes and a multi-byte character cut by the cap from failing the record
        var decoder = charset(contentType).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(copy.kept())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "<undecodable " + contentType + ", " + copy.total() + " bytes>";
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        var type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("application/javascript")
                || type.startsWith("application/graphql");
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            var matcher = CHARSET.matcher(contentType);
            if (matcher.find()) {
                try {
                    return Charset.forName(matcher.group(1));
                } catch (RuntimeException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
