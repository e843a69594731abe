/**
 * A call's life: the servlet filter (the one place a call begins and ends), the Jakarta REST
 * filters, writer interceptor and CDI interceptor that fill one
 * {@link org.recordedcall.internal.lifecycle.CallDraft} per call, the current call, the storage
 * decision, and the {@link org.recordedcall.internal.lifecycle.Recorder} that masks the record,
 * fires the events and hands it on. Reads Jakarta REST through {@code internal.rest}, values
 * through {@code internal.json}, bodies through {@code internal.body}; knows nothing of storage.
 */
package org.recordedcall.internal.lifecycle;
