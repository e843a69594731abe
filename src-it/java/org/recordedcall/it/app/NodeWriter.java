package org.recordedcall.it.app;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Node} as its name and its successor's, however they are linked. */
@Provider
@Produces(MediaType.TEXT_PLAIN)
public class NodeWriter implements MessageBodyWriter<Node> {

    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return Node.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Node node, Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        var text = node.name + (node.next == null ? "" : " -> " + node.next.name);
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
