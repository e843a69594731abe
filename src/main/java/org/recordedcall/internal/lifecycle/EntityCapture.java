package org.recordedcall.internal.lifecycle;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Keeps the entity the runtime read for a recorded resource method, so that a call whose
 * method the CDI interceptor does not see (a sub-resource made with {@code new}) still has its
 * body among the arguments. Registered per method by {@link RecordedCallFeature}.
 */
final class EntityCapture implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        var entity = context.proceed();
        if (context.getProperty(RecordingFilter.CALL) instanceof CallDraft call) {
            call.entity(entity);
        }
        return entity;
    }
}
