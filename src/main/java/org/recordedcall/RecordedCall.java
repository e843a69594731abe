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
     * More names whose values are masked in this endpoint's calls, matched as the setting
     * {@link RecordedCallSettings#MASKED_NAMES} matches; the names on a method add to its
     * class's and to the setting's, never replace them.
     */
    @Nonbinding String[] masked() default {};
}
