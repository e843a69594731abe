/**
 * The query API and the dashboard: one servlet of the library's own ({@link org.recordedcall.internal.api.ApiServlet}),
 * added by {@link org.recordedcall.internal.boot.ApiInitializer}. No Jakarta REST resource or provider lives here, so an
 * application that scans for resources takes in nothing of the API's.
 */
package org.recordedcall.internal.api;
