/**
 * Configuration: the effective {@link org.recordedcall.internal.config.Settings}, read once
 * from the keys of {@link org.recordedcall.RecordedCallSettings}. Internal.
 */
package org.recordedcall.internal.config;
