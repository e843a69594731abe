/**
 * Implementation of recorded-call. Nothing under this package is API: it may change in
 * any release without notice.
 */
package org.recordedcall.internal;
