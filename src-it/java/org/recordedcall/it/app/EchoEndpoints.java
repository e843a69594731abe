package org.recordedcall.it.app;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What the bad-input suite calls: the same endpoints recorded ({@link RecordedEcho}) and not
 * ({@link UnrecordedEcho}), so that each response can be compared with its unrecorded twin.
 * Each answers with what it received, so that anything the recorder changed would show.
 */
public abstract class EchoEndpoints {

    static final String TEXT_UTF8 = "text/plain;charset=UTF-8";

    /** Reads the whole body as bytes: its size and digest. */
    @POST
    @Path("bytes")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String bytes(InputStream body) throws IOException {
        var digest = sha256();
        var buffer = new byte[65_536];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; total += n) {
            digest.update(buffer, 0, n);
        }
        return total + " bytes, sha-256 " + HexFormat.of().formatHex(digest.digest());
    }

    /** The body as the runtime decodes it to a string, answered as it came. */
    @POST
    @Path("text")
    @Consumes(MediaType.WILDCARD)
    @Produces(TEXT_UTF8)
    public String text(String body) {
        return body;
    }

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonValue json(JsonValue body) {
        return body;
    }

    @POST
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String order(Order order) {
        return order == null ? "no order" : order.item + " x " + order.quantity;
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(TEXT_UTF8)
    public String form(MultivaluedMap<String, String> form) {
        return new TreeMap<>(form).toString();
    }

    @GET
    @Path("query")
    @Produces(TEXT_UTF8)
    public String query(@Context UriInfo uri) {
        return new TreeMap<>(uri.getQueryParameters()).toString();
    }

    @GET
    @Path("headers")
    @Produces(TEXT_UTF8)
    public String headers(@Context HttpHeaders headers) {
        return headers.getRequestHeader("X-Echo") + " " + headers.getRequestHeaders().size() + " headers";
    }

    @GET
    @Path("path/{rest: .+}")
    @Produces(TEXT_UTF8)
    public String path(@PathParam("rest") String rest) {
        return rest;
    }

    /** {@code size} bytes of every value, as a binary download. */
    @GET
    @Path("download/{size}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] download(@PathParam("size") int size) {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** {@code lines} lines of text written by the application as it goes. */
    @GET
    @Path("stream/{lines}")
    @Produces(MediaType.TEXT_PLAIN)
    public StreamingOutput stream(@PathParam("lines") int lines) {
        return out -> {
            for (int i = 0; i < lines; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        try (sink) {
            for (int i = 0; i < 3; i++) {
                sink.send(sse.newEvent("tick", String.valueOf(i))).toCompletableFuture().join();
            }
        }
    }

    @GET
    @Path("numbers/{count}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Integer> numbers(@PathParam("count") int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    /** A result that refers to itself, written by {@link NodeWriter}. */
    @GET
    @Path("cycle")
    @Produces(MediaType.TEXT_PLAIN)
    public Node cycle() {
        var first = new Node("first");
        var second = new Node("second");
        first.next = second;
        second.next = first;
        return first;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
