/**
 * The opt-in error shape ({@code recordedcall.errors.enabled}): unmapped exceptions answered
 * as {@code {"code", "message", "callId"}}, registered by a {@link jakarta.ws.rs.core.Feature}
 * only when enabled, below every mapper of the application's own.
 */
package org.recordedcall.internal.errors;
