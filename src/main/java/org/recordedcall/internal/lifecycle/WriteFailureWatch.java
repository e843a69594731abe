package org.recordedcall.internal.lifecycle;

import org.recordedcall.internal.body.TeeOutputStream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes a long-lived response (an event stream) through unchanged and tells the call when a
 * write fails: the client has gone. Some runtimes write each later event to this same stream
 * and never complete the servlet response when a client leaves a broadcaster.
 */
final class WriteFailureWatch extends FilterOutputStream {

    private final CallDraft call;
    private final HttpCalls calls;

    WriteFailureWatch(OutputStream out, CallDraft call, HttpCalls calls) {
        super(out);
        this.call = call;
        this.calls = calls;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException clientGone) {
            calls.writeFailed(call, clientGone);
            throw clientGone;
        }
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        try {
            out.write(source, offset, length);
        } catch (IOException clientGone) {
            calls.writeFailed(call, clientGone);
            throw clientGone;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException clientGone) {
            calls.writeFailed(call, clientGone);
            throw clientGone;
        }
    }

    /** Closes without an extra flush, as the runtime's own close would (see {@link TeeOutputStream#close()}). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
