package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.internal.body.BodyText;
import org.recordedcall.internal.body.CappedBuffer;
import org.recordedcall.internal.body.TeeInputStream;
import org.recordedcall.internal.body.TeeOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyCaptureTest {

    @Test
    void requestBodyPassesThroughUnchangedWhileACappedCopyIsKept() throws IOException {
        var body = new byte[100_000];
        Arrays.fill(body, (byte) 'a');
        var copy = new CappedBuffer(1000);

        byte[] read;
        try (var in = new TeeInputStream(new ByteArrayInputStream(body), copy)) {
            read = in.readAllBytes();
        }

        assertArrayEquals(body, read);
        assertEquals(1000, copy.kept().length);
        assertEquals(100_000, copy.total());
        assertTrue(copy.truncated());
    }

    @Test
    void responseBodyPassesThroughUnchangedWhileACappedCopyIsKept() throws IOException {
        var sink = new ByteArrayOutputStream();
        var copy = new CappedBuffer(5);

        try (var out = new TeeOutputStream(sink, copy)) {
            out.write("hello world".getBytes(StandardCharsets.UTF_8));
            out.write('!');
        }

        assertEquals("hello world!", sink.toString(StandardCharsets.UTF_8));
        assertEquals("hello", new String(copy.kept(), StandardCharsets.UTF_8));
        assertTrue(copy.truncated());
    }

    @Test
    void bodyShorterThanTheCapIsNotTruncated() throws IOException {
        var copy = new CappedBuffer(64);
        try (var in = new TeeInputStream(new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), copy)) {
            while (in.read() >= 0) {
                // byte by byte, as some readers do
            }
        }

        assertEquals("{\"a\":1}", BodyText.of(copy, "application/json"));
        assertFalse(copy.truncated());
    }

    @Test
    void textIsDecodedWithItsCharset() {
        var copy = new CappedBuffer(64);
        var latin = "café".getBytes(StandardCharsets.ISO_8859_1);
        copy.write(latin, 0, latin.length);

        assertEquals("café", BodyText.of(copy, "text/plain; charset=ISO-8859-1"));
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersNotAnError() {
        var copy = new CappedBuffer(64);
        var bytes = new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28};
        copy.write(bytes, 0, bytes.length);

        assertEquals("ok\uFFFD(", BodyText.of(copy, "application/json"));
    }

    @Test
    void binaryBodiesBecomeAPlaceholder() {
        var copy = new CappedBuffer(4);
        var bytes = new byte[] {1, 2, 3, 4, 5, 6};
        copy.write(bytes, 0, bytes.length);

        assertEquals("<binary application/octet-stream, 6 bytes>", BodyText.of(copy, "application/octet-stream"));
    }

    @Test
    void multipartAndDeclaredBinaryBodiesAreCountedNotKept() {
        var copy = new CappedBuffer(0); // as the filters tee them
        var bytes = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nsecret file\r\n--b--".getBytes(StandardCharsets.UTF_8);
        copy.write(bytes, 0, bytes.length);

        assertEquals("<multipart/form-data, " + bytes.length + " bytes>", BodyText.of(copy, "multipart/form-data; boundary=b"));
        assertEquals("<binary image/jpeg, " + bytes.length + " bytes>", BodyText.of(copy, "image/jpeg"));
        assertTrue(BodyText.isBinary("Multipart/Mixed"));
        assertFalse(BodyText.isBinary("application/octet-stream"), "servers label plain strings so");
        assertFalse(BodyText.isBinary(null));
    }

    @Test
    void textUnderABinaryTypeIsStillText() {
        var copy = new CappedBuffer(7);
        var bytes = "héllo wörld".getBytes(StandardCharsets.UTF_8);
        copy.write(bytes, 0, bytes.length);

        assertEquals("héllo", BodyText.of(copy, "application/octet-stream").substring(0, 5));
        assertEquals("<binary image/png, 3 bytes>", BodyText.of(bytes(0x89, 'P', 'N'), "image/png"));
    }

    private static CappedBuffer bytes(int... values) {
        var copy = new CappedBuffer(64);
        for (var value : values) {
            copy.write(value);
        }
        return copy;
    }

    @Test
    void noBodyIsNull() {
        assertNull(BodyText.of(null, "application/json"));
        assertNull(BodyText.of(new CappedBuffer(10), "application/json"));
    }

    @Test
    void aCompressedBodyIsItsEncodingTypeAndSize() {
        var copy = new CappedBuffer(0);
        copy.write(new byte[] {0x1f, (byte) 0x8b, 8, 0}, 0, 4);

        assertEquals("<gzip-encoded text/plain, 4 bytes>", BodyText.of(copy, "text/plain; charset=UTF-8", "gzip"));
        assertEquals("<br-encoded body, 4 bytes>", BodyText.of(copy, null, " br "));
        assertTrue(BodyText.isEncoded("deflate"));
        assertFalse(BodyText.isEncoded("identity"));
        assertFalse(BodyText.isEncoded(null));
    }

    @Test
    void aBinaryBodySentAsTextIsAPlaceholderButOneBadByteInTextIsKept() {
        var random = new byte[300];
        new java.util.Random(7).nextBytes(random);
        var binary = new CappedBuffer(1000);
        binary.write(random, 0, random.length);
        var text = new CappedBuffer(1000);
        var almost = "a text with one bad byte: \u00ff".getBytes(StandardCharsets.ISO_8859_1);
        text.write(almost, 0, almost.length);

        assertEquals("<binary text/plain, 300 bytes>", BodyText.of(binary, "text/plain; charset=UTF-8"));
        assertEquals("a text with one bad byte: \uFFFD", BodyText.of(text, "text/plain"));
    }
}
