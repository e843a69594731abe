package org.recordedcall.internal.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported command, run by the real curl against a local HTTP server that keeps what it
 * receives: exactly the recorded request, whatever the record holds.
 */
class CurlCommandTest {

    private record Received(String method, String rawUri, Map<String, List<String>> headers, String body) {
    }

    // a raw socket, not the JDK's HttpServer: that one refuses a URL with braces before we see it
    private ServerSocket server;
    private Thread acceptor;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (var socket = server.accept()) {
                    received.add(read(socket.getInputStream()));
                    socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.start();
    }

    private static Received read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            var b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        var lines = head.toString(StandardCharsets.UTF_8).split("\r\n");
        var requestLine = lines[0].split(" ");
        var headers = new TreeMap<String, List<String>>();
        for (int i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        var length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
        var body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Received(requestLine[0], requestLine[1], headers, body);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(5000);
    }

    private String context() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/app";
    }

    private static CallRecord call(String method, String path, String query, Map<String, List<String>> headers,
                                   String body) {
        return CallRecord.builder().id("id").correlationId("id").kind(CallKind.HTTP).operation("op")
                .httpMethod(method).path(path).route(path).query(query).requestHeaders(headers)
                .requestBody(body).resourceClass("C").resourceMethod("m").status(200)
                .responseHeaders(Map.of()).durationNanos(1L).outcome(CallOutcome.SUCCESS).build();
    }

    private String run(String command) throws Exception {
        var script = Files.createTempFile("curl", ".sh");
        try {
            Files.writeString(script, command.replace("curl --globoff", "curl --globoff -s --max-time 20"));
            var process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl ended");
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> "curl failed: " + output + "\n" + command);
            return output;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void aBodyStartingWithAnAtSignIsSentAsItIsNotAsTheFileItNames() throws Exception {
        var secretFile = Files.createTempFile("operator", ".netrc");
        Files.writeString(secretFile, "machine example.com password operator-secret");
        try {
            var body = "@" + secretFile;
            var command = CurlCommand.of(call("POST", "/orders", null,
                    Map.of("content-type", List.of("text/plain")), body), context());

            run(command);

            assertEquals(1, received.size(), command);
            assertEquals(body, received.get(0).body(), command);
            assertFalse(received.get(0).body().contains("operator-secret"));
        } finally {
            Files.deleteIfExists(secretFile);
        }
    }

    @Test
    void aUrlWithBracesAndBracketsIsRequestedOnceAsRecorded() throws Exception {
        var command = CurlCommand.of(call("GET", "/orders", "pick={a,b}&page=[1-3]", Map.of(), null), context());

        run(command);

        assertEquals(1, received.size(), () -> command + received);
        assertEquals("/app/orders?pick={a,b}&page=[1-3]", received.get(0).rawUri());
        assertEquals("GET", received.get(0).method());
    }

    @Test
    void bodiesAndHeadersWithQuotesAndLineBreaksArriveByteForByte() throws Exception {
        var body = "{\"note\":\"it's\\n$(touch /tmp/pwned) `id`\"}\nsecond line\n";
        var command = CurlCommand.of(call("PUT", "/orders/7", "q=it's", Map.of("content-type",
                List.of("application/json"), "x-note", List.of("a 'quoted' $HOME value")), body), context());

        run(command);

        assertEquals(1, received.size(), command);
        var request = received.get(0);
        assertEquals("PUT", request.method());
        assertEquals(body, request.body());
        assertEquals("/app/orders/7?q=it's", request.rawUri());
        assertEquals(List.of("a 'quoted' $HOME value"), request.headers().get("x-note"));
    }

    @Test
    void aGetWithABodyStaysAGetAndAHeadIsAHead() throws Exception {
        run(CurlCommand.of(call("GET", "/search", null, Map.of("content-type", List.of("application/json")),
                "{\"q\":1}"), context()));
        run(CurlCommand.of(call("HEAD", "/orders", null, Map.of(), null), context()));

        assertEquals(2, received.size());
        assertEquals("GET", received.get(0).method());
        assertEquals("{\"q\":1}", received.get(0).body());
        assertEquals("HEAD", received.get(1).method());
    }

    @Test
    void whatCannotBeSentExactlyIsLeftOutWithACommentThatCannotRunAnything() throws Exception {
        var headers = Map.of("@/etc/passwd", List.of("x"), "accept", List.of("*/*"));
        var command = CurlCommand.of(call("POST", "/orders", null, headers, "<binary\ntouch /tmp/pwned\n 1024 bytes>"), context());

        run(command);

        assertEquals(1, received.size(), command);
        assertEquals("", received.get(0).body());
        assertTrue(command.contains("# a header named @/etc/passwd was left out"), command);
        assertTrue(command.lines().filter(line -> line.startsWith("#")).count() >= 1, command);
        assertFalse(command.contains("\ntouch"), "a line break in a comment would run the rest: " + command);
    }
}
