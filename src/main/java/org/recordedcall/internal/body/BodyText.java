package org.recordedcall.internal.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a captured body into the text stored in the record, or a placeholder for binary content. */
public final class BodyText {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

    private BodyText() {
    }

    /**
     * The text of a body, {@code null} when there was none.
     *
     * @param copy        what was captured
     * @param contentType the body's {@code Content-Type}, may be {@code null}
     */
    public static String of(CappedBuffer copy, String contentType) {
        return of(copy, contentType, null);
    }

    /**
     * The text of a body sent with a {@code Content-Encoding}: an encoded (compressed) body
     * is a placeholder naming the encoding, the type and the size, as it was counted, not kept.
     */
    public static String of(CappedBuffer copy, String contentType, String contentEncoding) {
        if (copy == null || copy.total() == 0) {
            return null;
        }
        if (isEncoded(contentEncoding)) {
            return "<" + contentEncoding.trim() + "-encoded " + (contentType == null ? "body" : mediaType(contentType))
                    + ", " + copy.total() + " bytes>";
        }
        if (isBinary(contentType)) {
            var type = mediaType(contentType);
            return (type.toLowerCase(Locale.ROOT).startsWith("multipart/") ? "<" : "<binary ") + type + ", "
                    + copy.total() + " bytes>";
        }
        var bytes = copy.kept();
        if (isText(contentType)) {
            // invalid bytes, or a character cut by the cap, become U+FFFD rather than fail the record
            var text = decode(bytes, charset(contentType));
            // ...but a body that is mostly not text is a binary sent with a text type
            return isMostlyText(text) ? text : "<binary " + mediaType(contentType) + ", " + copy.total() + " bytes>";
        }
        // servers differ in the type they give an untyped String (RESTEasy: octet-stream): look at the bytes
        var utf8 = decode(bytes, StandardCharsets.UTF_8);
        if (isPrintable(utf8, copy.truncated())) {
            return utf8;
        }
        return "<binary " + contentType + ", " + copy.total() + " bytes>";
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
    }

    /** Whether few characters (at most 8, or a tenth) are undecodable or control characters. */
    private static boolean isMostlyText(String text) {
        var bad = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isUnreadable(text.charAt(i))) {
                bad++;
            }
        }
        return bad <= 8 || bad * 10 <= text.length();
    }

    private static boolean isUnreadable(char c) {
        return c == '\uFFFD' || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    private static boolean isPrintable(String text, boolean cut) {
        // a cut body may end inside a character, which decodes as the replacement character
        var end = cut && text.endsWith("\uFFFD") ? text.length() - 1 : text.length();
        for (int i = 0; i < end; i++) {
            if (isUnreadable(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a body of this type is a stream of server-sent events: never copied (it may stay
     * open for hours), its place in the record says so instead.
     */
    public static boolean isEventStream(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /**
     * Whether a body of this type is never text worth keeping: multipart (files), images,
     * audio, video, archives and other declared binaries. Untyped and
     * {@code application/octet-stream} bodies are not judged by their type: servers label
     * plain strings so.
     */
    public static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("image/") || type.startsWith("audio/")
                || type.startsWith("video/") || type.startsWith("font/") || type.startsWith("application/zip")
                || type.startsWith("application/gzip") || type.startsWith("application/pdf")
                || type.startsWith("application/x-protobuf") || type.startsWith("application/vnd.ms-")
                || type.startsWith("application/vnd.openxmlformats");
    }

    /** Whether a body with this {@code Content-Encoding} is not its readable form (gzip, deflate, br...). */
    public static boolean isEncoded(String contentEncoding) {
        return contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.trim().equalsIgnoreCase("identity");
    }

    private static String mediaType(String contentType) {
        var semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    public static boolean isText(String contentType) {
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
        if (contentType != null && contentType.indexOf('=') >= 0) { // a type without parameters names no charset
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
