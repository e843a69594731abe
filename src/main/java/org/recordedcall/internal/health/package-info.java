/**
 * The recorder in the server's MicroProfile Health: a readiness check of the writer. Loaded
 * only where the MicroProfile Health API is there (the CDI extension asks first); nothing else
 * of the library refers to it.
 */
package org.recordedcall.internal.health;
