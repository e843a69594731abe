package org.recordedcall.internal.config;

/**
 * The readiness check's settings; keys and defaults in {@link org.recordedcall.RecordedCallSettings}.
 *
 * @param outageSeconds        DOWN once the database has failed every write for this long
 * @param droppedWindowSeconds DOWN while a call was dropped less than this long ago
 */
public record HealthSettings(long outageSeconds, long droppedWindowSeconds) {
}
