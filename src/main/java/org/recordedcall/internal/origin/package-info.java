/**
 * Where a call comes from: the client address (believing forwarding headers only from trusted proxies)
 * and the W3C trace parent. Depends on nothing else of the library.
 */
package org.recordedcall.internal.origin;
