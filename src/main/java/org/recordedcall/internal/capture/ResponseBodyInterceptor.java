package org.recordedcall.internal.capture;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;
import java.util.Locale;

/**
 * Copies the serialized response body, up to the cap, while it streams to the client.
 * Registered with a late priority, inside any compression interceptor, so the copy is the
 * readable body.
 */
final class ResponseBodyInterceptor implements WriterInterceptor {

    private final int bodyCap;

    ResponseBodyInterceptor(int bodyCap) {
        this.bodyCap = bodyCap;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getProperty(RecordingFilter.CALL) instanceof CallDraft call) {
            var type = context.getMediaType() == null ? null : context.getMediaType().toString();
            if (context.getEntity() instanceof StreamingOutput) {
                call.responseBodyOmitted("<not recorded: StreamingOutput>");
            } else if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.SERVER_SENT_EVENTS)) {
                call.responseBodyOmitted("<not recorded: server-sent events>");
            } else {
                var copy = new CappedBuffer(BodyText.isBinary(type) ? 0 : bodyCap);
                context.setOutputStream(new TeeOutputStream(context.getOutputStream(), copy));
                call.responseBody(copy, type);
            }
        }
        context.proceed();
    }
}
