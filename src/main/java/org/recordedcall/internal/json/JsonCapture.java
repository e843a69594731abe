package org.recordedcall.internal.json;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.recordedcall.internal.JsonSupport;
import org.recordedcall.internal.body.CappedWriter;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.rest.RestParameters;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

/**
 * Turns arguments and return values into capped JSON text. Never throws: a value that
 * cannot be serialized (a cycle, a failing getter, a stream) becomes a placeholder string.
 */
@Singleton
public final class JsonCapture {

    /** How the text of a value cut at the cap begins, inside its JSON string. */
    public static final String TRUNCATED = "<truncated at ";

    private final Jsonb jsonb;
    private final int maxChars;
    // per method, each argument's key as JSON text (quoted, escaped), null for one left out
    private final Map<Method, String[]> keys = new ConcurrentHashMap<>();

    @Inject
    public JsonCapture(Settings settings) {
        this.jsonb = JsonbBuilder.create();
        this.maxChars = settings.jsonMaxChars();
    }

    /** A JSON object of the arguments, keyed by their Jakarta REST parameter name, else the Java name. */
    public String arguments(Method method, Object[] values) {
        var keys = this.keys.computeIfAbsent(method, JsonCapture::jsonKeys);
        var out = new CappedWriter(maxChars);
        try {
            out.write('{');
            var first = true;
            for (int i = 0; i < keys.length && i < values.length; i++) {
                if (keys[i] == null) {
                    continue;
                }
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(keys[i]);
                out.write(':');
                write(values[i], out);
            }
            out.write('}');
        } catch (CappedWriter.Full cut) {
            // the placeholder below says so
        }
        return capped(out);
    }

    /** The JSON of one value. */
    public String value(Object value) {
        var out = new CappedWriter(maxChars);
        try {
            write(value, out);
        } catch (CappedWriter.Full cut) {
            // the placeholder below says so
        }
        return capped(out);
    }

    /** The JSON of a resource method's return value: of a {@link Response}, its entity. */
    public String result(Object value) {
        var unwrapped = value;
        if (unwrapped instanceof Response response) {
            unwrapped = response.getEntity();
        }
        if (unwrapped instanceof GenericEntity<?> generic) {
            unwrapped = generic.getEntity();
        }
        return value(unwrapped);
    }

    /**
     * Serializes {@code value} into {@code out}, which stops it at the cap (throwing
     * {@link CappedWriter.Full}); a value that cannot be serialized becomes a placeholder.
     */
    private void write(Object value, CappedWriter out) {
        if (value == null) {
            out.write("null");
            return;
        }
        var opaque = opaqueKind(value);
        if (opaque != null) {
            out.write(placeholder("<" + opaque + ">"));
            return;
        }
        if (value instanceof byte[] bytes) {
            // a binary body taken as an argument: its size, not thousands of numbers
            out.write(placeholder("<byte[], " + bytes.length + " bytes>"));
            return;
        }
        var mark = out.length();
        try {
            jsonb.toJson(value, out);
        } catch (RuntimeException | StackOverflowError unserializable) {
            if (out.isFull()) {
                // the serializer may have wrapped the writer's refusal; either way, it is the cap
                throw new CappedWriter.Full();
            }
            out.truncate(mark);
            out.write(placeholder("<unserializable " + value.getClass().getName() + ">"));
        }
    }

    /**
     * Values that serialization would consume or block on (JSON-B calls every getter:
     * {@code Future.get()} waits, a stream is drained), or that mean nothing as JSON.
     */
    private static final List<Class<?>> OPAQUE = List.of(InputStream.class, Reader.class, OutputStream.class,
            Writer.class, Future.class, CompletionStage.class, BaseStream.class, Iterator.class, AsyncResponse.class,
            StreamingOutput.class, Class.class, Thread.class);

    /** The kind of an opaque value, named by the type it is opaque as (a lambda has no better name), else null. */
    private static String opaqueKind(Object value) {
        return OPAQUE_KIND.get(value.getClass()).orElse(null);
    }

    // what opaque kind a class of values is, decided once per class
    private static final ClassValue<Optional<String>> OPAQUE_KIND = new ClassValue<>() {
        @Override
        protected Optional<String> computeValue(Class<?> valueClass) {
            for (var type : OPAQUE) {
                if (type.isAssignableFrom(valueClass)) {
                    var name = valueClass.getSimpleName();
                    var generated = valueClass.isSynthetic() || name.isEmpty() || name.contains("$$");
                    return Optional.of(generated ? type.getSimpleName() : name);
                }
            }
            return Optional.empty();
        }
    };

    private static String[] jsonKeys(Method method) {
        var names = parameterNames(method);
        var keys = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = names[i] == null ? null : JsonSupport.PROVIDER.createValue(names[i]).toString();
        }
        return keys;
    }

    /** The text written, or, when the cap cut it, a JSON string that says so and holds the start. */
    private String capped(CappedWriter out) {
        if (!out.isFull()) {
            return out.toString();
        }
        return placeholder(TRUNCATED + maxChars + " chars> " + out);
    }

    private static String placeholder(String text) {
        return JsonSupport.PROVIDER.createValue(text).toString();
    }

    // infrastructure parameters (@Context, @Suspended) are not arguments of the call: null skips them
    private static String[] parameterNames(Method method) {
        var parameters = method.getParameters();
        var resourceMethod = RestParameters.isResourceMethod(method);
        var keys = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            keys[i] = RestParameters.argumentName(parameters[i], resourceMethod);
        }
        return keys;
    }

    @PreDestroy
    public void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release that outlives the application
        }
    }
}
