package org.recordedcall.internal.lifecycle;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.Cdi;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.LocatorRoutes;
import org.recordedcall.internal.rest.Misuse;
import org.recordedcall.internal.rest.RecordedRoutes;
import org.recordedcall.internal.rest.RequestArguments;
import org.recordedcall.internal.rest.RestParameters;
import org.recordedcall.internal.rest.WholeApplication;

import java.lang.reflect.Method;
import java.util.Optional;

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
    // any: the entity is what the whole chain returns
    static final int READER_PRIORITY = Priorities.USER;

    private Settings settings;
    private HttpCalls calls;
    private JsonCapture json;
    private RecordedRoutes recordedRoutes;
    private static final System.Logger LOG = System.getLogger(RecordedCallFeature.class.getName());
    private final LocatorRoutes routes = new LocatorRoutes();
    private final java.util.Set<Class<?>> checked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Optional<RecordedCall> applicationWide;

    /** The application this runtime serves; on Jersey a configuration that wraps it. */
    @Context
    private Application application;

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
            if (!Cdi.active()) {
                return; // the application runs without CDI: nothing is recorded, the store says why
            }
            var beans = CDI.current();
            settings = beans.select(Settings.class).get();
            calls = beans.select(HttpCalls.class).get();
            json = beans.select(JsonCapture.class).get();
            recordedRoutes = beans.select(RecordedRoutes.class).get();
        }
        var method = resource.getResourceMethod();
        var type = resource.getResourceClass();
        if (!settings.enabled() || method == null || type == null || Endpoint.isLibrarys(type)
                || !RestParameters.answersHttp(method)) {
            return; // a handler the runtime made itself (Jersey's for OPTIONS) is no method of the application's
        }
        var wide = applicationWide().orElse(null);
        var recorded = Endpoint.isRecorded(type, method, wide != null);
        var user = Endpoint.userClass(type);
        if (user.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
            // root resources' templates, recorded or not: to tell the runtime's refusals on recorded paths
            recordedRoutes.add(WholeApplication.type(application), user, method, recorded);
        }
        if (!recorded) {
            return;
        }
        reportMisuse(type);
        var endpoint = Endpoint.of(type, method, wide);
        context.register(new RecordingFilter(endpoint, calls, json, settings.bodyMaxBytes(),
                endpoint.isSubResource() ? routes : null), FILTER_PRIORITY);
        if (endpoint.records(Endpoint.Part.ARGUMENTS) || endpoint.records(Endpoint.Part.RESULT)) {
            // for a method the CDI interceptor may not see: whether it ran, and the body it was given
            context.register(new MethodReachedFilter(), MethodReachedFilter.PRIORITY);
            if (RequestArguments.takesEntity(method)) {
                context.register(new EntityCapture(), READER_PRIORITY);
            }
        }
        if (endpoint.records(Endpoint.Part.RESPONSE_BODY)) {
            context.register(new ResponseBodyInterceptor(settings.bodyMaxBytes(), calls), WRITER_PRIORITY);
        }
    }

    /**
     * A class CDI does not discover never reaches the extension's check, which fails the
     * deployment: its misuse is logged here, once, and the values are clamped.
     */
    private void reportMisuse(Class<?> type) {
        var user = Endpoint.userClass(type);
        if (checked.add(user)) {
            for (var problem : Misuse.of(user)) {
                LOG.log(System.Logger.Level.ERROR, problem + " (clamped: CDI does not manage this class, so the "
                        + "deployment could not be failed)");
            }
        }
    }

    /** The annotation that records this application whole, or none; decided once. */
    private Optional<RecordedCall> applicationWide() {
        var known = applicationWide;
        if (known == null) {
            known = Optional.ofNullable(WholeApplication.annotation(application, settings));
            applicationWide = known;
        }
        return known;
    }
}
