package org.recordedcall.internal.body;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes a response body through unchanged while copying it into a {@link CappedBuffer}.
 * The copy is taken first: when the client has gone, the record still shows what the
 * application wrote.
 */
public final class TeeOutputStream extends FilterOutputStream {

    private final CappedBuffer copy;

    public TeeOutputStream(OutputStream out, CappedBuffer copy) {
        super(out);
        this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
        copy.write(b);
        out.write(b);
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        copy.write(source, offset, length);
        out.write(source, offset, length);
    }

    /**
     * Closes the runtime's stream as the body writer would have, without the flush that
     * {@link FilterOutputStream#close()} adds: a flush before the close commits the response
     * early, and the server then sends the body chunked instead of with a Content-Length.
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
