/**
 * The public API of recorded-call: the {@link org.recordedcall.RecordedCall} annotation, the
 * immutable {@link org.recordedcall.CallRecord}, the three events, the
 * {@link org.recordedcall.CurrentCall} view, the {@link org.recordedcall.RecordedCalls}
 * reader, the writer's {@link org.recordedcall.RecorderStatus} and the
 * {@link org.recordedcall.RecordedCallSettings} keys.
 */
package org.recordedcall;
