/**
 * Values as JSON text for the record (arguments, results, entities), capped as they are
 * written and never failing a call: what cannot be written becomes a placeholder.
 */
package org.recordedcall.internal.json;
