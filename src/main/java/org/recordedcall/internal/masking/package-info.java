/**
 * Which names are secrets, and masking their values in JSON and form text as it is recorded. Depends on
 * nothing else of the library; what an endpoint adds and the record as a whole are masked in
 * {@code internal.capture.Masking}.
 */
package org.recordedcall.internal.masking;
