package org.recordedcall.internal.capture;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.config.Settings;

/**
 * Binds the recording filter and body interceptor to each resource method that carries
 * {@link RecordedCall} (on the method or its class). Binding here, rather than by name on
 * the filter classes, keeps the filters out of CDI interception: a filter class annotated
 * with the binding would itself be intercepted and recorded.
 */
@Provider
public final class RecordedCallFeature implements DynamicFeature {

    // before authentication filters, so a call they reject is still recorded
    static final int FILTER_PRIORITY = Priorities.AUTHENTICATION - 100;
    // after compression interceptors, so the copy is the uncompressed body
    static final int WRITER_PRIORITY = Priorities.ENTITY_CODER + 1000;

    private Settings settings;
    private HttpCalls calls;

    /**
     * Created by the Jakarta REST runtime, which on some servers (RESTEasy) does not take it
     * from CDI: the beans are looked up when the first resource method is configured.
     */
    public RecordedCallFeature() {
        // dependencies are looked up in configure
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (calls == null) {
            var beans = CDI.current();
            settings = beans.select(Settings.class).get();
            calls = beans.select(HttpCalls.class).get();
        }
        var method = resource.getResourceMethod();
        var type = resource.getResourceClass();
        if (!settings.enabled() || method == null || type == null) {
            return;
        }
        if (!method.isAnnotationPresent(RecordedCall.class) && !type.isAnnotationPresent(RecordedCall.class)) {
            return;
        }
        var endpoint = Endpoint.of(type, method);
        context.register(new RecordingFilter(endpoint, calls, settings.bodyMaxBytes()), FILTER_PRIORITY);
        if (endpoint.records(Endpoint.Part.RESPONSE_BODY)) {
            context.register(new ResponseBodyInterceptor(settings.bodyMaxBytes(), calls), WRITER_PRIORITY);
        }
    }
}
