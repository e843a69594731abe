package org.recordedcall.internal.body;

import java.util.Arrays;

/**
 * Keeps the first {@code cap} bytes of a stream and counts the rest, so memory stays bounded
 * by the cap whatever the size of the body. Written by the streaming thread, read when the
 * call is snapshotted, possibly by another thread.
 */
public final class CappedBuffer {

    private final int cap;
    private byte[] bytes = new byte[0];
    private int kept;
    private long total;

    public CappedBuffer(int cap) {
        this.cap = cap;
    }

    public synchronized void write(int b) {
        total++;
        if (kept < cap) {
            grow(1);
            bytes[kept++] = (byte) b;
        }
    }

    public synchronized void write(byte[] source, int offset, int length) {
        total += length;
        int room = Math.min(length, cap - kept);
        if (room > 0) {
            grow(room);
            System.arraycopy(source, offset, bytes, kept, room);
            kept += room;
        }
    }

    private void grow(int more) {
        if (kept + more > bytes.length) {
            int size = Math.min(cap, Math.max(kept + more, Math.max(256, bytes.length * 2)));
            bytes = Arrays.copyOf(bytes, size);
        }
    }

    public synchronized byte[] kept() {
        return Arrays.copyOf(bytes, kept);
    }

    public synchronized long total() {
        return total;
    }

    public synchronized boolean truncated() {
        return total > kept;
    }
}
