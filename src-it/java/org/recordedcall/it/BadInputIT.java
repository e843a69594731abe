package org.recordedcall.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordedcall.it.RecordingIT.text;

/**
 * Strange and hostile input, on a real server. Every request goes to a recorded endpoint and
 * to its unrecorded twin ({@code api/echo} and {@code api/echo-unrecorded}, the same code):
 * the answers must be the same, byte for byte, and the recorded call must be stored, with a
 * marker where its content could not be kept as it came. Requests are written on a raw
 * socket, so that they can carry what HTTP client libraries refuse to send.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    private static final int MB = 1024 * 1024;
    private static final int BODY_CAP = 65_536;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    RawHttp http;

    @BeforeEach
    void connect() {
        api = new Api(base);
        http = new RawHttp(base);
    }

    // ---- bodies: size

    @Test
    void aTenMegabyteBinaryUploadIsCountedNotKept() {
        var body = random(10 * MB);

        var call = twin("POST", "bytes", body, "Content-Type: application/octet-stream");

        assertEquals(200, call.status());
        assertEquals(10 * MB + " bytes, sha-256 " + sha256(body), call.text(), "the application read it all, unchanged");
        var row = call.row();
        assertEquals("<binary application/octet-stream, " + 10 * MB + " bytes>", text(row, "request_body"));
        assertTrue(isTrue(row, "request_body_truncated"));
    }

    @Test
    void aTenMegabyteTextBodyIsKeptUpToTheCapBothWays() {
        var body = "0123456789abcdef".repeat(10 * MB / 16).getBytes(StandardCharsets.US_ASCII);

        var call = twin("POST", "text", body, "Content-Type: text/plain; charset=UTF-8");

        assertEquals(200, call.status());
        assertEquals(body.length, call.response().body().length, "the echo came back whole");
        var row = call.row();
        assertEquals(BODY_CAP, text(row, "request_body").length());
        assertTrue(isTrue(row, "request_body_truncated"));
        assertEquals(BODY_CAP, text(row, "response_body").length());
        assertTrue(isTrue(row, "response_body_truncated"));
        assertTrue(text(row, "arguments").contains("<truncated at "), "the argument is capped too");
    }

    @Test
    void aTenMegabyteJsonArrayIsCappedAndItsCutJsonStillMasked() {
        var json = new StringBuilder("[");
        while (json.length() < 10 * MB - 1_000) { // WildFly refuses a body over 10 MB, recorded or not
            json.append("{\"password\":\"hunter2\",\"n\":").append(json.length()).append("},");
        }
        json.setCharAt(json.length() - 1, ']');

        var call = twin("POST", "json", bytes(json.toString()), "Content-Type: application/json");

        assertEquals(200, call.status());
        var row = call.row();
        assertTrue(isTrue(row, "request_body_truncated"));
        assertTrue(isTrue(row, "response_body_truncated"));
        for (var column : List.of("request_body", "response_body", "arguments", "result")) {
            assertFalse(text(row, column).contains("hunter2"), column + " is masked even when cut");
        }
    }

    @Test
    void aHugeResultIsCappedWhileItIsSerialized() {
        var call = twin("GET", "numbers/2000000", null);

        assertEquals(200, call.status());
        assertTrue(call.text().endsWith(",1999999]"), "the whole array was sent");
        var row = call.row();
        assertTrue(text(row, "result").startsWith("\"<truncated at 16384 chars> [0,1,2,"), text(row, "result").substring(0, 60));
        assertTrue(text(row, "result").length() < 17_000);
        assertTrue(isTrue(row, "response_body_truncated"));
    }

    // ---- bodies: empty, mislabelled, undecodable

    @Test
    void anEmptyBodyWithAJsonTypeToAJsonValue() {
        var call = twin("POST", "json", new byte[0], "Content-Type: application/json");

        var row = call.row();
        assertNull(text(row, "request_body"));
    }

    @Test
    void anEmptyBodyWithAJsonTypeToAnObject() {
        var call = twin("POST", "order", new byte[0], "Content-Type: application/json");

        var row = call.row();
        assertNull(text(row, "request_body"));
    }

    @Test
    void binaryWithATextTypeIsAPlaceholder() {
        var body = random(5_000);

        var call = twin("POST", "text", body, "Content-Type: text/plain; charset=UTF-8");

        assertEquals(200, call.status());
        assertEquals("<binary text/plain, 5000 bytes>", text(call.row(), "request_body"));
    }

    @Test
    void invalidUtf8IsKeptWithReplacementCharacters() {
        var body = concat(bytes("caf"), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes(" ok"));

        var call = twin("POST", "text", body, "Content-Type: text/plain; charset=UTF-8");

        assertEquals(200, call.status());
        assertEquals("caf\uFFFD( ok", text(call.row(), "request_body"));
    }

    @Test
    void aNulByteInTextIsStoredAsAReplacementCharacter() {
        var call = twin("POST", "text", bytes("a\u0000b"), "Content-Type: text/plain");

        assertEquals(200, call.status());
        assertEquals("a\uFFFDb", text(call.row(), "request_body"));
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8() {
        var call = twin("POST", "text", bytes("plain words"), "Content-Type: text/plain; charset=no-such-charset");

        var row = call.row();
        assertEquals(call.status(), statusOf(row));
        assertEquals("plain words", text(row, "request_body"));
    }

    @Test
    void aMalformedContentTypeIsTheRuntimesToRefuse() {
        var call = twin("POST", "text", bytes("words"), "Content-Type: ;;;=/");

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void aGzipBodyIsCountedNotDecoded() throws IOException {
        var zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(bytes("compressed words ".repeat(100)));
        }

        var call = twin("POST", "bytes", zipped.toByteArray(), "Content-Type: text/plain", "Content-Encoding: gzip");

        var row = call.row();
        assertEquals("<gzip-encoded text/plain, " + zipped.size() + " bytes>", text(row, "request_body"));
    }

    @Test
    void aMultipartUploadIsAPlaceholder() {
        var file = random(300_000);
        var body = concat(bytes("--b0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                        + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"),
                file, bytes("\r\n--b0undary--\r\n"));

        var call = twin("POST", "bytes", body, "Content-Type: multipart/form-data; boundary=b0undary");

        assertEquals(200, call.status());
        assertEquals("<multipart/form-data, " + body.length + " bytes>", text(call.row(), "request_body"));
    }

    // ---- JSON that parsers struggle with

    @Test
    void malformedJson() {
        var call = twin("POST", "json", bytes("{\"item\": \"pen\", \"password\": \"hunter2\""), "Content-Type: application/json");

        var row = call.row();
        assertFalse(text(row, "request_body").contains("hunter2"), "cut JSON is still masked");
    }

    @Test
    void jsonWithTrailingGarbage() {
        var call = twin("POST", "order", bytes("{\"item\":\"pen\",\"quantity\":1} trailing"), "Content-Type: application/json");

        assertEquals(call.status(), statusOf(call.row()));
    }

    @Test
    void deeplyNestedJson() {
        var depth = 20_000;
        var json = "[".repeat(depth) + "]".repeat(depth);

        var call = twin("POST", "json", bytes(json), "Content-Type: application/json");

        var row = call.row();
        assertEquals(call.status(), statusOf(row));
        // what the application read: a parser may give up (RESTEasy's does) before the end
        var kept = text(row, "request_body");
        assertTrue(json.startsWith(kept) && kept.length() >= Math.min(8192, json.length()), kept.length() + " chars");
    }

    @Test
    void aJsonArrayOfAMillionNumbers() {
        var json = new StringBuilder("[0");
        for (int i = 1; i < 1_000_000; i++) {
            json.append(',').append(i);
        }
        json.append(']');

        var call = twin("POST", "json", bytes(json.toString()), "Content-Type: application/json");

        assertEquals(200, call.status());
        assertEquals(json.toString(), call.text());
        assertTrue(text(call.row(), "arguments").startsWith("\"<truncated at 16384 chars> {"));
    }

    @Test
    void escapedNulLoneSurrogateAndEmojiInJson() {
        var json = "{\"item\":\"a\\u0000b \\ud800 \uD83D\uDE00\",\"quantity\":1}";

        var call = twin("POST", "json", bytes(json), "Content-Type: application/json");

        assertEquals(200, call.status());
        var row = call.row();
        assertEquals(json, text(row, "request_body"));
        assertTrue(text(row, "arguments").contains("\uD83D\uDE00"), text(row, "arguments"));
    }

    @Test
    void aJsonObjectWhereAnObjectOfAnotherShapeIsExpected() {
        var call = twin("POST", "order", bytes("{\"item\":[1,2],\"quantity\":\"many\"}"), "Content-Type: application/json");

        assertEquals(call.status(), statusOf(call.row()));
    }

    // ---- forms

    @Test
    void aFormWithBrokenPercentEncodingIsStillMasked() {
        var call = twin("POST", "form", bytes("a=%zz&password=hunter2&b=%E2%82"),
                "Content-Type: application/x-www-form-urlencoded");

        var row = call.row();
        assertEquals(call.status(), statusOf(row));
        assertFalse(text(row, "request_body").contains("hunter2"), text(row, "request_body"));
    }

    @Test
    void aMegabyteFormField() {
        var body = bytes("note=" + "x".repeat(MB) + "&password=hunter2");

        var call = twin("POST", "form", body, "Content-Type: application/x-www-form-urlencoded");

        assertEquals(200, call.status());
        var row = call.row();
        assertTrue(isTrue(row, "request_body_truncated"));
        for (var column : List.of("request_body", "arguments", "result", "response_body")) {
            assertFalse(String.valueOf(text(row, column)).contains("hunter2"), column);
        }
    }

    // ---- headers

    @Test
    void duplicateHeadersAreAllKept() {
        var call = twin("GET", "headers", null, "X-Echo: one", "X-Echo: two", "x-echo: three");

        assertEquals(200, call.status());
        var headers = Api.object(text(call.row(), "request_headers"));
        assertEquals("[\"one\",\"two\",\"three\"]", headers.get("x-echo").toString());
    }

    @Test
    void duplicateRequestIdsTheFirstWins() {
        var id = "dup-" + UUID.randomUUID();
        var recorded = http.exchange(RawHttp.request("GET", target("echo", "headers"),
                List.of("X-Request-Id: " + id, "X-Request-Id: second-" + id), null));

        assertEquals(id, recorded.header("X-Request-Id"));
        assertEquals(200, statusOf(api.awaitRow(id)));
    }

    @Test
    void anUnsafeRequestIdIsReplacedByTheCallsOwn() {
        for (var unsafe : List.of("has spaces and <html>", "x".repeat(500), "ünïcode", "\"quoted\"")) {
            var call = twin("GET", "headers", null, "X-Request-Id: " + unsafe);

            var own = call.response().header("X-Request-Id");
            if (own == null) { // Payara refuses a raw non-ASCII header, recorded or not
                recordedIfTheApplicationSawIt(call);
                continue;
            }
            assertTrue(own.matches("[0-9a-f-]{36}"), "a UUID, not " + own);
            assertEquals(own, text(api.awaitRow(own), "id"));
        }
    }

    @Test
    void controlCharactersInAHeaderValue() {
        var call = twin("GET", "headers", null, "X-Echo: bell\u0007 escape\u001b[31m del\u007f");

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void aBareCarriageReturnInAHeaderValue() {
        var call = twin("GET", "headers", null, "X-Echo: split\rX-Injected: yes");

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void rawNonAsciiBytesInAHeaderValue() {
        var utf8AsBytes = new String(bytes("naïve 😀"), StandardCharsets.ISO_8859_1);

        var call = twin("GET", "headers", null, "X-Echo: " + utf8AsBytes, "User-Agent: " + utf8AsBytes);

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void aSevenKilobyteHeaderAndAHundredHeaders() {
        var headers = new ArrayList<String>();
        headers.add("X-Echo: " + "v".repeat(7_000));
        for (int i = 0; i < 100; i++) {
            headers.add("X-Many-" + i + ": " + i);
        }

        var call = twin("GET", "headers", null, headers.toArray(String[]::new));

        var row = recordedIfTheApplicationSawIt(call);
        if (row != null) {
            assertTrue(text(row, "request_headers").contains("x-many-99"));
        }
    }

    @Test
    void anEnormousUserAgentIsCutToItsColumn() {
        var call = twin("GET", "headers", null, "User-Agent: " + "agent/1.0 ".repeat(500));

        assertEquals(200, call.status());
        var agent = text(call.row(), "user_agent");
        assertEquals(1024, agent.length());
        assertTrue(agent.endsWith("…"));
    }

    // ---- URLs

    @Test
    void encodedLineBreaksAndNulInTheQuery() {
        var call = twin("GET", "query?a=%0D%0AX-Injected:%20yes&b=%00&c=%C3%28", null);

        assertEquals(200, call.status());
        assertEquals("a=%0D%0AX-Injected:%20yes&b=%00&c=%C3%28", text(call.row(), "query"));
    }

    @Test
    void brokenPercentEncodingInTheQuery() {
        var call = twin("GET", "query?a=%zz&b=%&c=%E2%82&password=hunter2", null);

        var row = recordedIfTheApplicationSawIt(call);
        if (row != null) {
            assertFalse(text(row, "query").contains("hunter2"), text(row, "query"));
        }
    }

    @Test
    void rawControlCharactersInTheQuery() {
        var call = twin("GET", "query?a=tab\there&b=bell\u0007", null);

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void anEightKilobyteUrl() {
        var call = twin("GET", "path/" + "segment/".repeat(1_000), null);

        var row = recordedIfTheApplicationSawIt(call);
        if (row != null) {
            assertEquals(4000, text(row, "path").length());
            assertEquals("/api/echo/path/{rest}", text(row, "route"));
        }
    }

    @Test
    void anEightKilobyteQueryIsCutToItsColumn() {
        var call = twin("GET", "query?q=" + "x".repeat(7_000), null);

        var row = recordedIfTheApplicationSawIt(call);
        if (row != null) {
            assertEquals(4000, text(row, "query").length());
            assertTrue(text(row, "query").endsWith("…"));
        }
    }

    @Test
    void unicodeInThePathPercentEncoded() {
        var call = twin("GET", "path/%E6%97%A5%E6%9C%AC/%C3%BCber/%F0%9F%98%80", null);

        assertEquals(200, call.status());
        assertEquals("日本/über/😀", call.text());
        var row = call.row();
        assertTrue(text(row, "arguments").contains("日本/über/😀"), text(row, "arguments"));
    }

    @Test
    void rawUtf8BytesInThePath() {
        var call = twin("GET", "path/" + new String(bytes("日本"), StandardCharsets.ISO_8859_1), null);

        recordedIfTheApplicationSawIt(call);
    }

    @Test
    void anEncodedSlashAndDotSegmentsInThePath() {
        var call = twin("GET", "path/a%2Fb/../c/%2e%2e/d", null);

        recordedIfTheApplicationSawIt(call);
    }

    // ---- framing and connections

    @Test
    void aChunkedRequestBody() {
        var chunked = bytes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

        var call = twin("POST", "text", chunked, "Content-Type: text/plain", "Transfer-Encoding: chunked");

        assertEquals(200, call.status());
        assertEquals("hello world", call.text());
        assertEquals("hello world", text(call.row(), "request_body"));
    }

    @Test
    void aContentLengthShorterThanTheBody() {
        var call = twin("POST", "text", bytes("hello, and more the server must not read"),
                "Content-Type: text/plain", "Content-Length: 5");

        assertEquals(200, call.status());
        assertEquals("hello", call.text());
        assertEquals("hello", text(call.row(), "request_body"));
    }

    @Test
    void expectContinue() {
        var call = twin("POST", "text", bytes("after the interim answer"), "Content-Type: text/plain",
                "Expect: 100-continue");

        assertEquals(200, call.status());
        assertEquals("after the interim answer", text(call.row(), "request_body"));
    }

    @Test
    void aHeadRequestToAGetEndpoint() {
        var call = twin("HEAD", "numbers/3", null);

        assertEquals(200, call.status());
        assertEquals(200, statusOf(call.row()));
    }

    @Test
    void aMethodTheEndpointDoesNotHaveAndAnUnsupportedType() {
        var wrongMethod = twin("DELETE", "text", null);
        var wrongType = twin("POST", "json", bytes("<xml/>"), "Content-Type: application/xml");
        var unacceptable = twin("GET", "numbers/3", null, "Accept: image/png");

        assertEquals(405, wrongMethod.status());
        assertEquals(415, wrongType.status());
        assertEquals(406, unacceptable.status());
    }

    @Test
    void aClientThatDisconnectsMidBody() {
        var id = "cut-" + UUID.randomUUID();
        for (var endpoint : List.of("echo-unrecorded", "echo")) {
            http.abandon(concat(RawHttp.request("POST", target(endpoint, "bytes"), List.of(
                    "X-Request-Id: " + id, "Content-Type: application/octet-stream", "Content-Length: " + 10 * MB), null),
                    random(100_000)));
        }

        var row = api.awaitRow(id);
        assertNotNull(text(row, "ended_at"), "the call ended: " + row);
        assertNotNull(text(row, "outcome"));
        assertServerStillAnswers();
    }

    @Test
    void aClientThatDisconnectsMidResponse() throws IOException {
        var id = "gone-" + UUID.randomUUID();
        for (var endpoint : List.of("echo-unrecorded", "echo")) {
            try (var socket = http.connect()) {
                socket.getOutputStream().write(RawHttp.request("GET", target(endpoint, "download/" + 50 * MB),
                        List.of("X-Request-Id: " + id), null));
                socket.getInputStream().readNBytes(100_000);
            }
        }

        var row = api.awaitRow(id);
        assertNotNull(text(row, "ended_at"), "the call ended: " + row);
        assertEquals("<binary application/octet-stream, " + 50 * MB + " bytes>", text(row, "response_body"),
                "what the application wrote");
        assertNotNull(text(row, "exception_type"), "the broken connection is recorded: " + row);
        assertServerStillAnswers();
    }

    // ---- results the recorder cannot serialize or must not buffer

    @Test
    void aResultThatRefersToItself() {
        var call = twin("GET", "cycle", null);

        assertEquals(200, call.status());
        assertEquals("first -> second", call.text());
        assertEquals("\"<unserializable org.recordedcall.it.app.Node>\"", text(call.row(), "result"));
    }

    @Test
    void aBinaryDownloadIsAPlaceholder() {
        var call = twin("GET", "download/200000", null);

        assertEquals(200, call.status());
        assertEquals(200_000, call.response().body().length);
        assertEquals("<binary application/octet-stream, 200000 bytes>", text(call.row(), "response_body"));
    }

    @Test
    void aStreamingOutputIsNeverBuffered() {
        var call = twin("GET", "stream/100000", null);

        assertEquals(200, call.status());
        assertTrue(call.text().endsWith("line 99999\n"));
        var row = call.row();
        assertEquals("<not recorded: StreamingOutput>", text(row, "response_body"));
        assertEquals("\"<StreamingOutput>\"", text(row, "result").replaceAll("<[A-Za-z$0-9]*StreamingOutput[^>]*>", "<StreamingOutput>"));
    }

    @Test
    void serverSentEventsAreNeverBuffered() {
        var call = twin("GET", "events", null, "Accept: text/event-stream");

        assertEquals(200, call.status());
        assertTrue(call.text().contains("data: 2"), call.text());
        var row = call.row();
        assertEquals(200, statusOf(row));
        assertEquals("<not recorded: server-sent events>", text(row, "response_body"));
    }

    // ---- the twin exchange

    /** A recorded call's answer and the id it is recorded under. */
    private final class Call {
        final String id;
        final RawHttp.Response response;

        Call(String id, RawHttp.Response response) {
            this.id = id;
            this.response = response;
        }

        RawHttp.Response response() {
            return response;
        }

        int status() {
            return response.status();
        }

        String text() {
            return response.text();
        }

        /** The stored row; its status is the one the client got. */
        JsonObject row() {
            var row = api.awaitRow(id);
            assertEquals(response.status(), statusOf(row), "the record has the status sent");
            return row;
        }
    }

    /**
     * Sends the request to the recorded endpoint and to its unrecorded twin, and asserts that
     * both answer the same: status, content type and body (the twin's path, which an error
     * page may quote, read as the recorded one's).
     */
    private Call twin(String method, String path, byte[] body, String... headers) {
        var id = "bad-" + UUID.randomUUID();
        var sent = new ArrayList<>(List.of(headers));
        if (Arrays.stream(headers).noneMatch(h -> h.toLowerCase().startsWith("x-request-id:"))) {
            sent.add("X-Request-Id: " + id);
        }
        var plain = http.exchange(RawHttp.request(method, target("echo-unrecorded", path), sent, body));
        var recorded = http.exchange(RawHttp.request(method, target("echo", path), sent, body));

        assertEquals(plain.status(), recorded.status(), () -> "status; unrecorded: " + plain + "; recorded: " + recorded);
        assertEquals(plain.header("Content-Type"), recorded.header("Content-Type"), "content type");
        var plainBody = new String(plain.body(), StandardCharsets.ISO_8859_1).replace("echo-unrecorded", "echo");
        var recordedBody = new String(recorded.body(), StandardCharsets.ISO_8859_1);
        if (!plainBody.equals(recordedBody) && !(plain.isServerErrorPage() && recorded.isServerErrorPage())) {
            var at = 0;
            while (at < Math.min(plainBody.length(), recordedBody.length()) && plainBody.charAt(at) == recordedBody.charAt(at)) {
                at++;
            }
            var from = Math.max(0, at - 200);
            throw new AssertionError("the recorded answer differs from the unrecorded one (" + plain.status() + ") at "
                    + at + "; unrecorded: …" + plainBody.substring(from, Math.min(plainBody.length(), at + 200))
                    + "; recorded: …" + recordedBody.substring(from, Math.min(recordedBody.length(), at + 200)));
        }
        return new Call(id, recorded);
    }

    /**
     * For input the server may refuse before any application sees it: a call the recorder saw
     * (it answered with its id) is stored; one the server refused is answered 400 and not
     * recorded, as nothing of the application ran.
     */
    private JsonObject recordedIfTheApplicationSawIt(Call call) {
        var id = call.response().header("X-Request-Id");
        if (id != null) {
            return call.row();
        }
        assertTrue(call.status() >= 400, "only a request the server refused goes unrecorded: " + call.response());
        assertServerStillAnswers();
        return null;
    }

    private void assertServerStillAnswers() {
        var call = twin("GET", "query?still=here", null);
        assertEquals(200, call.status());
        call.row();
    }

    private String target(String endpoint, String path) {
        return base.getPath() + "api/" + endpoint + "/" + path;
    }

    private static int statusOf(JsonObject row) {
        return Integer.parseInt(text(row, "status"));
    }

    private static boolean isTrue(JsonObject row, String column) {
        return Boolean.parseBoolean(text(row, column).toLowerCase());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
