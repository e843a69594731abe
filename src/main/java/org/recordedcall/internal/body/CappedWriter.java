package org.recordedcall.internal.body;

import java.io.Writer;

/**
 * Keeps the first {@code max} characters written to it and then refuses more, throwing
 * {@link Full} so that a serializer writing into it stops there: turning a value into
 * JSON costs memory bounded by the cap, never by the value.
 */
public final class CappedWriter extends Writer {

    /** Thrown, without a stack trace, at the first character beyond the cap. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Full() {
            super("the cap of the recorded text is reached", null, false, false);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int max;
    private boolean full;

    public CappedWriter(int max) {
        this.max = Math.max(0, max);
    }

    @Override
    public void write(char[] source, int offset, int length) {
        if (full) {
            throw new Full();
        }
        int room = max - text.length();
        if (length > room) {
            text.append(source, offset, room);
            full = true;
            throw new Full();
        }
        text.append(source, offset, length);
    }

    @Override
    public void write(String source, int offset, int length) {
        if (full) {
            throw new Full();
        }
        int room = max - text.length();
        if (length > room) {
            text.append(source, offset, offset + room);
            full = true;
            throw new Full();
        }
        text.append(source, offset, offset + length);
    }

    @Override
    public void write(int c) {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String source) {
        write(source, 0, source.length());
    }

    /** Whether something was refused: the text is cut at the cap. */
    public boolean isFull() {
        return full;
    }

    /** How many characters are kept. */
    public int length() {
        return text.length();
    }

    /** Drops what was written after {@code length} characters (a value that failed half-way). */
    public void truncate(int length) {
        if (!full) {
            text.setLength(length);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
        // nothing is held back
    }

    @Override
    public void close() {
        // nothing to release
    }
}
