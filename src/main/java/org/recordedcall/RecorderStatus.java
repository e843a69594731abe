package org.recordedcall;

/** The recorder's own health, readable by application code: {@code @Inject RecorderStatus status;}. */
public interface RecorderStatus {

    /** The counters of the background writer, as of now. */
    WriterStatus writer();

    /** The counters of each {@link org.recordedcall.spi.CallSink} of the application, as of now; empty for none. */
    default java.util.List<SinkStatus> sinks() {
        return java.util.List.of();
    }
}
