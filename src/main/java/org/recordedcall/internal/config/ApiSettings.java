package org.recordedcall.internal.config;

/**
 * The query API's settings; keys and defaults in {@link org.recordedcall.RecordedCallSettings}.
 *
 * @param enabled whether the API and the dashboard answer at all
 * @param role    the role a caller must be in
 * @param path    where they answer below the context root, e.g. {@code /recorded-calls}
 */
public record ApiSettings(boolean enabled, String role, String path) {

    /** Where the API answers when no setting says otherwise. */
    public static final String DEFAULT_PATH = "/recorded-calls";
}
