/**
 * The query API and dashboard of {@link org.recordedcall.RecordedCallsApplication}: Jakarta REST
 * classes registered by that application alone, none annotated {@code @Provider}, so that an
 * application that scans for resources takes in only what answers 404 outside of it.
 */
package org.recordedcall.internal.api;
