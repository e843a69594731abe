package org.recordedcall.internal.persistence;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * One flush of the background writer, for Java Flight Recorder: how long it took and how many
 * calls it stored. Costs nothing unless a recording is running (the benchmark's {@code PROFILE=1}
 * prints their durations next to the garbage collector's pauses).
 */
@Name("org.recordedcall.WriterFlush")
@Label("recorded-call writer flush")
@Category("recorded-call")
@Description("The background writer storing the calls queued, batch after batch")
final class FlushEvent extends Event {

    @Label("Calls stored")
    int calls;
}
