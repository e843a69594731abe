/**
 * The library's service-provider interface: what an integrator implements to extend it.
 * {@link org.recordedcall.spi.CallSink} receives the recorded calls in batches, beside the database.
 */
package org.recordedcall.spi;
