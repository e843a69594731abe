package org.recordedcall;

/** The recorder's own health, readable by application code: {@code @Inject RecorderStatus status;}. */
public interface RecorderStatus {

    /** The counters of the background writer, as of now. */
    WriterStatus writer();
}
