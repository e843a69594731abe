package org.recordedcall;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import jakarta.ws.rs.NameBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every call of the annotated Jakarta REST resource (class or method) as one
 * {@link CallRecord}: one database row and the {@link CallStarted}, {@link CallFailed} and
 * {@link CallEnded} events.
 *
 * <p>On a plain CDI bean method the invocation is recorded as a call of kind
 * {@link CallKind#METHOD}, unless it runs inside a call that is already recorded: the
 * outermost call owns the row. On a method, the method's annotation wins over its class's.
 */
@Inherited
@Documented
@NameBinding
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordedCall {

    /** The operation name stored in the record; empty means {@code SimpleClassName#method}. */
    @Nonbinding String value() default "";

    /** Record the request body (capped by the body limit). */
    @Nonbinding boolean requestBody() default true;

    /** Record the response body (capped by the body limit). */
    @Nonbinding boolean responseBody() default true;

    /** Record the Java method's arguments as JSON. */
    @Nonbinding boolean arguments() default true;

    /** Record the Java method's return value as JSON. */
    @Nonbinding boolean result() default true;

    /**
     * More names whose values are masked in this endpoint's calls (headers, JSON fields, parameters,
     * arguments, the result), matched as the setting
     * {@link RecordedCallSettings#MASKED_NAMES} matches; the names on a method add to its
     * class's and to the setting's, never replace them.
     */
    @Nonbinding String[] masked() default {};

    /** Record the request's and the response's headers (secret ones are masked either way). */
    @Nonbinding boolean headers() default true;

    /** Store only calls that did not succeed: a 4xx or 5xx status, or an exception. Events fire for every call. */
    @Nonbinding boolean onlyFailures() default false;

    /** Store only calls that took at least this many milliseconds; {@code 0}: every call. Events fire for every call. */
    @Nonbinding long slowerThanMillis() default 0;

    /**
     * The fraction of this endpoint's calls stored, from {@code 0} to {@code 1}, chosen at
     * random per call; negative (the default) means the setting
     * {@link RecordedCallSettings#SAMPLE_RATE}. Events fire for every call.
     */
    @Nonbinding double sampleRate() default -1;
}
