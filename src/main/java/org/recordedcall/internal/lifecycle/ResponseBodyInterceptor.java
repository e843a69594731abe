package org.recordedcall.internal.lifecycle;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.recordedcall.internal.body.BodyText;
import org.recordedcall.internal.body.CappedBuffer;
import org.recordedcall.internal.body.TeeOutputStream;

import java.io.IOException;
import java.util.Locale;

/**
 * Copies the serialized response body, up to the cap, while it streams to the client.
 * Registered with a late priority, inside any compression interceptor, so the copy is the
 * readable body.
 */
final class ResponseBodyInterceptor implements WriterInterceptor {

    private final int bodyCap;
    private final HttpCalls calls;

    ResponseBodyInterceptor(int bodyCap, HttpCalls calls) {
        this.bodyCap = bodyCap;
        this.calls = calls;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getProperty(RecordingFilter.CALL) instanceof CallDraft call) {
            var type = context.getMediaType() == null ? null : context.getMediaType().toString();
            if (context.getEntity() instanceof StreamingOutput) {
                call.responseBodyOmitted("<not recorded: StreamingOutput>");
            } else if (call.omitIfEventStream(type)) {
                // later events may be written to this stream long after (Jersey): a failed write ends the call
                context.setOutputStream(new WriteFailureWatch(context.getOutputStream(), call, calls));
            } else {
                var copy = new CappedBuffer(BodyText.isBinary(type) ? 0 : bodyCap);
                context.setOutputStream(new TeeOutputStream(context.getOutputStream(), copy));
                call.responseBody(copy, type);
            }
            try {
                context.proceed();
            } catch (IOException clientGone) {
                // the runtime swallows it (the client closed the connection): the record keeps it
                calls.writeFailed(call, clientGone);
                throw clientGone;
            }
            return;
        }
        context.proceed();
    }
}
