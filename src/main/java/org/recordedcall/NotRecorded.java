package org.recordedcall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a resource class or method out of application-wide recording ({@link RecordedCall}
 * on the {@code Application} subclass, or {@link RecordedCallSettings#APPLICATIONS}). A
 * {@code @RecordedCall} on a method still records that method of a class marked so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotRecorded {
}
