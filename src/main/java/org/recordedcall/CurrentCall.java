package org.recordedcall;

import java.util.Optional;

/**
 * A read-only view of the call being recorded on the current request, for application code:
 * {@code @Inject CurrentCall call;}. Outside a recorded call every method returns empty.
 */
public interface CurrentCall {

    /** The id of the current call, the value a client sees in {@code X-Request-Id} unless it sent its own. */
    Optional<String> id();

    /** The correlation id of the current call. */
    Optional<String> correlationId();

    /** A snapshot of the current call as recorded so far, its secrets masked as in the stored record and the events. */
    Optional<CallRecord> snapshot();

    /** The most attributes one call keeps; further names are counted in {@value #CUT_ATTRIBUTE}. */
    int MAX_ATTRIBUTES = 20;

    /** The longest name of an attribute, in characters; a longer one is cut. */
    int MAX_ATTRIBUTE_NAME = 64;

    /** The longest value of an attribute, in characters; a longer one is cut and ends with {@code …}. */
    int MAX_ATTRIBUTE_VALUE = 256;

    /** The attribute that says how many more a call was given than it keeps. */
    String CUT_ATTRIBUTE = "_cut";

    /**
     * Adds a business attribute to the current call, a key support looks calls up by (a tenant,
     * an order, a customer): stored with the call, carried by its events, masked like any value
     * when its name is a secret's, and a filter of the query API and the dashboard
     * ({@code attribute=tenant:acme}). Call it from the resource, a filter, or any bean the
     * resource calls; giving a name again replaces its value. Outside a recorded call, or once
     * the call has ended, it does nothing, and it never throws: a name keeps letters, digits,
     * {@code .}, {@code _} and {@code -} (any other character becomes {@code _}) and at most {@value #MAX_ATTRIBUTE_NAME}
     * of them; the value is {@code String.valueOf(value)}, control characters made spaces, at
     * most {@value #MAX_ATTRIBUTE_VALUE} characters; a call keeps {@value #MAX_ATTRIBUTES}
     * attributes, and {@value #CUT_ATTRIBUTE} counts those it did not keep. A {@code null} or
     * blank name is ignored; a {@code null} value removes the attribute.
     *
     * @param name  the attribute's name, e.g. {@code tenant}
     * @param value its value, e.g. a tenant id
     */
    void attribute(String name, Object value);
}
