/**
 * What the container starts: the CDI extension that adds the library's beans and binds resources,
 * and the servlet initializers that add the recording filter, the store's lifecycle and the query
 * API's servlet. The one room that knows both the capture of calls and their storage.
 */
package org.recordedcall.internal.boot;
