/**
 * Copies of request and response bodies as they stream: tees into a buffer capped while it fills, and the
 * text (or placeholder) a copy becomes in the record. Depends on nothing else of the library.
 */
package org.recordedcall.internal.body;
