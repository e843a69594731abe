package org.recordedcall.internal.capture;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;

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
            var copy = new CappedBuffer(bodyCap);
            context.setOutputStream(new TeeOutputStream(context.getOutputStream(), copy));
            call.responseBody(copy, context.getMediaType() == null ? null : context.getMediaType().toString());
        }
        context.proceed();
    }
}
