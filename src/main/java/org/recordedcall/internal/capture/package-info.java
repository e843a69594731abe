/**
 * Capture: the servlet filter, Jakarta REST filters, writer interceptor and CDI interceptor
 * that fill one {@link org.recordedcall.internal.capture.CallDraft} per call, and the
 * {@link org.recordedcall.internal.capture.Recorder} that fires the events. Internal.
 */
package org.recordedcall.internal.capture;
