/**
 * Secrets kept out of every record: which names are secrets ({@code SecretNames}), masking their
 * values in JSON and form text ({@code Masks}), headers copied with theirs masked
 * ({@code HeaderCapture}), and a whole record masked with the names its endpoint adds
 * ({@code Masking}). Depends on {@code internal.json} (a capped JSON copy is left as it is)
 * and on nothing of a call's life.
 */
package org.recordedcall.internal.masking;
