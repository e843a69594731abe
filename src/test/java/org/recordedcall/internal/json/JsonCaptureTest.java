package org.recordedcall.internal.json;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCaptureTest {

    private final JsonCapture json = new JsonCapture(Settings.defaults());

    @AfterEach
    void close() {
        json.close();
    }

    @SuppressWarnings("unused")
    static final class Resource {
        public void find(@PathParam("order-id") String id, @QueryParam("q") int query, @HeaderParam("X-Tag") String tag,
                         @FormParam("note") String note, Item item, @Context UriInfo uri, @Suspended AsyncResponse async) {
        }

        public void upload(InputStream body) {
        }
    }

    public static final class Item {
        public String name = "pen";
        public Item parent;
    }

    @Test
    void argumentsAreKeyedByTheirRestNameElseTheJavaName() throws Exception {
        var method = Resource.class.getMethod("find", String.class, int.class, String.class, String.class, Item.class,
                UriInfo.class, AsyncResponse.class);

        var arguments = json.arguments(method, new Object[] {"7", 3, "t", "n", new Item(), null, null});

        assertEquals("{\"order-id\":\"7\",\"q\":3,\"X-Tag\":\"t\",\"note\":\"n\",\"item\":{\"name\":\"pen\"}}", arguments);
    }

    @Test
    void withoutParameterNamesTheBodyIsKeyedBodyAndAnnotatedOnesKeepTheirNames(@TempDir Path classes) throws Exception {
        var type = compiledWithoutParameterNames(classes, "Tasks", """
                import jakarta.ws.rs.*;
                public class Tasks {
                    @POST @Path("{id}")
                    public String update(@PathParam("id") long id, @QueryParam("force") boolean force, String change) {
                        return change;
                    }
                    public String plain(String first, int second) {
                        return first;
                    }
                }
                """);
        var update = type.getMethod("update", long.class, boolean.class, String.class);
        var plain = type.getMethod("plain", String.class, int.class);

        assertEquals("{\"id\":7,\"force\":true,\"body\":\"done\"}", json.arguments(update, new Object[] {7L, true, "done"}));
        assertEquals("{\"arg0\":\"a\",\"arg1\":2}", json.arguments(plain, new Object[] {"a", 2}),
                "a method that is no resource method has no body");
    }

    /** A class compiled here the way many builds compile: without {@code -parameters}. */
    private static Class<?> compiledWithoutParameterNames(Path classes, String name, String source) throws Exception {
        var file = classes.resolve(name + ".java");
        Files.writeString(file, source);
        var compiler = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        var status = compiler.run(null, null, errors, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), file.toString());
        assertEquals(0, status, errors.toString());
        var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JsonCaptureTest.class.getClassLoader());
        var type = loader.loadClass(name);
        assertFalse(type.getMethod("plain", String.class, int.class).getParameters()[0].isNamePresent(), "compiled without names");
        return type;
    }

    @Test
    void streamsBecomeAPlaceholder() throws Exception {
        var method = Resource.class.getMethod("upload", InputStream.class);

        assertEquals("{\"body\":\"<ByteArrayInputStream>\"}",
                json.arguments(method, new Object[] {new ByteArrayInputStream(new byte[3])}));
    }

    @Test
    void valuesThatSerializationWouldBlockOnOrDrainBecomeAPlaceholder() {
        assertEquals("\"<CompletableFuture>\"", json.value(new java.util.concurrent.CompletableFuture<String>()));
        assertEquals("\"<Head>\"", json.value(java.util.stream.Stream.of(1)));
        assertEquals("\"<Itr>\"", json.value(new java.util.ArrayList<>(java.util.List.of(1)).iterator()));
    }

    @Test
    void cyclesBecomeAPlaceholderInsteadOfAnException() {
        var item = new Item();
        item.parent = item;

        assertEquals("\"<unserializable " + Item.class.getName() + ">\"", json.value(item));
    }

    @Test
    void theResultOfAGenericEntityIsItsEntity() {
        // a Response is unwrapped the same way; that needs a REST runtime, so the integration suite shows it
        assertEquals("[\"a\"]", json.result(new GenericEntity<>(java.util.List.of("a")) { }));
        assertEquals("null", json.result(null));
    }

    @Test
    void longJsonIsCappedToAValidJsonString() {
        var small = new JsonCapture(Settings.from(Map.of(RecordedCallSettings.JSON_MAX_CHARS, "10")::get));

        var capped = small.value("x".repeat(100));

        assertEquals("\"<truncated at 10 chars> \\\"xxxxxxxxx\"", capped);
        small.close();
    }

    @Test
    void aHugeValueIsCutAtTheCapNotSerializedWhole() throws Exception {
        var small = new JsonCapture(Settings.from(Map.of(RecordedCallSettings.JSON_MAX_CHARS, "50")::get));
        var huge = java.util.Collections.nCopies(5_000_000, "item");
        var method = Resource.class.getMethod("find", String.class, int.class, String.class, String.class, Item.class,
                UriInfo.class, AsyncResponse.class);

        var value = small.value(huge);
        var arguments = small.arguments(method, new Object[] {"7", 1, "x".repeat(1_000), "y", null, null, null});

        assertTrue(value.startsWith("\"<truncated at 50 chars> [\\\"item\\\",\\\"item\\\","), value);
        assertTrue(value.length() < 100, value);
        assertTrue(arguments.startsWith("\"<truncated at 50 chars> {\\\"order-id\\\":\\\"7\\\""), arguments);
        assertTrue(arguments.length() < 100, arguments);
        small.close();
    }

    @Test
    void aByteArrayIsItsSizeNotItsNumbers() {
        assertEquals("\"<byte[], 3 bytes>\"", json.value(new byte[] {1, 2, 3}));
    }
}
