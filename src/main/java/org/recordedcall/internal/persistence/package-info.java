/**
 * Persistence: the {@code RECORDED_CALL} entity, the writer that stores finished calls off
 * the request thread in their own transaction, and the reader behind
 * {@link org.recordedcall.RecordedCalls}. Internal.
 */
package org.recordedcall.internal.persistence;
