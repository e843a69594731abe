package org.recordedcall.internal.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a request body through unchanged while copying it into a {@link CappedBuffer}. */
public final class TeeInputStream extends FilterInputStream {

    private final CappedBuffer copy;

    public TeeInputStream(InputStream in, CappedBuffer copy) {
        super(in);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        if (n > 0) {
            copy.write(target, offset, n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        // a reset would copy the same bytes twice
        return false;
    }
}
