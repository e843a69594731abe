package org.recordedcall.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what no HTTP client library sends
 * (control characters, raw non-ASCII, a wrong Content-Length, a body cut off) can be sent.
 * Each exchange is one connection, closed by the server after its answer.
 */
final class RawHttp {

    /** An answer: the status, the headers by lower-case name, the body (de-chunked). */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * The server's own HTML page for an unmapped exception. The recorder answers such an
         * exception itself, with the server's 500, so that the client keeps X-Request-Id (the
         * server would reset the response); on Payara that page then reads "Request failed."
         * rather than "Internal Server Error", with other headers (README, known limits).
         */
        boolean isServerErrorPage() {
            return status == 500 && String.valueOf(header("Content-Type")).startsWith("text/html")
                    && text().contains("HTTP Status 500");
        }

        @Override
        public String toString() {
            var text = text();
            return status + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private final int port;

    RawHttp(URL deployment) {
        this.port = deployment.getPort();
    }

    /**
     * The bytes of a request. Header lines are sent as given (ISO-8859-1, so any byte can be
     * in them); {@code Host} and {@code Connection: close} are added, and {@code Content-Length}
     * unless a header line sets it or {@code Transfer-Encoding}.
     */
    static byte[] request(String method, String target, List<String> headerLines, byte[] body) {
        var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        var framed = false;
        for (var line : headerLines) {
            head.append(line).append("\r\n");
            var lower = line.toLowerCase(Locale.ROOT);
            framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
        }
        if (body != null && !framed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Sends the request and reads the answer to the end of the connection. */
    Response exchange(byte[] request) {
        try (var socket = connect()) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes(), request);
        } catch (IOException e) {
            throw new IllegalStateException("exchange failed: " + e, e);
        }
    }

    /** Opens a connection for a test that sends part of a request and walks away. */
    Socket connect() throws IOException {
        var socket = new Socket("localhost", port);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /**
     * Subscribes to an event stream and reads until {@code first} has come; the caller holds
     * the connection open as long as it likes, and closes it to leave.
     */
    Socket subscribe(String target, String requestId, String first) throws IOException {
        var socket = connect();
        socket.getOutputStream().write(request("GET", target, List.of("Accept: text/event-stream", "X-Request-Id: " + requestId), null));
        socket.getOutputStream().flush();
        var seen = new StringBuilder();
        var in = socket.getInputStream();
        while (!seen.toString().contains(first)) {
            var b = in.read();
            if (b < 0) {
                socket.close();
                throw new AssertionError("the stream ended before " + first + ": " + seen);
            }
            seen.append((char) b);
        }
        return socket;
    }

    /** Writes the start of a request and closes the connection without reading an answer. */
    void abandon(byte[] partialRequest) {
        try (var socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(partialRequest);
            out.flush();
            Thread.sleep(200);
        } catch (IOException e) {
            throw new IllegalStateException("could not send the partial request: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response parse(byte[] raw, byte[] request) {
        var start = 0;
        while (true) {
            var end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (end < 0) {
                throw new IllegalStateException("no complete answer: "
                        + new String(raw, StandardCharsets.ISO_8859_1));
            }
            var lines = new String(raw, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
            var status = Integer.parseInt(lines[0].split(" ")[1]);
            if (status >= 100 && status < 200) {
                start = end + 4; // an interim answer (100 Continue): the real one follows
                continue;
            }
            var headers = new LinkedHashMap<String, List<String>>();
            for (int i = 1; i < lines.length; i++) {
                var colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            var body = Arrays.copyOfRange(raw, end + 4, raw.length);
            var isHead = new String(request, 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
            if (isHead) {
                body = new byte[0];
            } else if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
                body = dechunk(body);
            } else if (headers.containsKey("content-length")) {
                body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(headers.get("content-length").get(0))));
            }
            return new Response(status, headers, body);
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        var at = 0;
        while (at < chunked.length) {
            var lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            var size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
