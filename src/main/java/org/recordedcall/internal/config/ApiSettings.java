package org.recordedcall.internal.config;

/**
 * The query API's settings; keys and defaults in {@link org.recordedcall.RecordedCallSettings}.
 *
 * @param enabled whether the API and the dashboard answer at all
 * @param role    the role a caller must be in
 */
public record ApiSettings(boolean enabled, String role) {
}
