package org.recordedcall.internal.boot;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.Classes;
import org.recordedcall.internal.RecordedCallLiteral;
import org.recordedcall.internal.config.SettingsProducer;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.lifecycle.CurrentCallView;
import org.recordedcall.internal.lifecycle.HttpCalls;
import org.recordedcall.internal.lifecycle.RecordedCallInterceptor;
import org.recordedcall.internal.lifecycle.Recorder;
import org.recordedcall.internal.lifecycle.StoragePolicy;
import org.recordedcall.internal.masking.HeaderCapture;
import org.recordedcall.internal.masking.Masking;
import org.recordedcall.internal.persistence.CallStore;
import org.recordedcall.internal.persistence.CallWriter;
import org.recordedcall.internal.persistence.JpaRecordedCalls;
import org.recordedcall.internal.persistence.Retention;
import org.recordedcall.internal.persistence.StoreUnit;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.Misuse;
import org.recordedcall.internal.rest.RecordedRoutes;
import org.recordedcall.internal.rest.RestParameters;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers the library's beans and interceptor. The jar discovers none of its own classes (its
 * beans.xml excludes them all), so what the library provides does not depend on how the host
 * application configures bean discovery.
 *
 * <p>Also gives every Jakarta REST resource class (root resources, and sub-resource classes
 * with resource methods) the recorder's interceptor binding, so that a resource recorded
 * application-wide (without an annotation of its own) has its arguments and result captured
 * too. On a resource that no call records, the interceptor only passes
 * the invocation on.
 */
public final class RecordedCallExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(RecordedCallExtension.class.getName());

    private final List<String> misuse = new CopyOnWriteArrayList<>();

    static final List<Class<?>> BEANS = List.of(
            SettingsProducer.class,
            JsonCapture.class,
            HeaderCapture.class,
            Recorder.class,
            Masking.class,
            StoragePolicy.class,
            HttpCalls.class,
            CurrentCallView.class,
            RecordedRoutes.class,
            RecordedCallInterceptor.class,
            StoreUnit.class,
            CallStore.class,
            CallWriter.class,
            Retention.class,
            JpaRecordedCalls.class);

    <T> void bindResources(@Observes @WithAnnotations({Path.class, HttpMethod.class}) ProcessAnnotatedType<T> event) {
        var type = event.getAnnotatedType();
        var javaClass = type.getJavaClass();
        // root resources, and sub-resources (no @Path of their own) that a locator gets from CDI
        var resource = type.isAnnotationPresent(Path.class) || RestParameters.hasResourceMethods(javaClass);
        if (!resource || type.isAnnotationPresent(RecordedCall.class)
                || type.isAnnotationPresent(NotRecorded.class) || Endpoint.isLibrarys(javaClass)
                || !isInterceptable(javaClass)) {
            return;
        }
        event.configureAnnotatedType().add(RecordedCallLiteral.INSTANCE);
    }

    /**
     * Whether a class may carry a class-level interceptor binding: CDI makes it a definition
     * error (a failed deployment) for a final class, or one with a non-static, non-private
     * final method. Such a resource is still recorded on its HTTP side, without its arguments
     * and result.
     */
    static boolean isInterceptable(Class<?> type) {
        if (type.isInterface() || Modifier.isFinal(type.getModifiers())) {
            return false;
        }
        for (var current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (var method : current.getDeclaredMethods()) {
                var modifiers = method.getModifiers();
                if (Modifier.isFinal(modifiers) && !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                        && !method.isSynthetic()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Annotation members that cannot mean anything, found in the classes CDI discovers: they fail the deployment. */
    <T> void checkAnnotations(@Observes @WithAnnotations({RecordedCall.class, NotRecorded.class})
                              ProcessAnnotatedType<T> event) {
        misuse.addAll(Misuse.of(event.getAnnotatedType().getJavaClass()));
    }

    void reportMisuse(@Observes AfterBeanDiscovery discovered) {
        for (var problem : misuse) {
            discovered.addDefinitionError(new DeploymentException(problem));
        }
    }

    void addBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        for (var type : BEANS) {
            discovery.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
        }
        optional(HEALTH_API, READINESS).ifPresent(type -> {
            discovery.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
            LOG.log(System.Logger.Level.INFO, "recorded-call: readiness check 'recorded-call' added to MicroProfile Health");
        });
    }

    /** The API MicroProfile Health gives applications, where the server has it. */
    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    /** The readiness check, a bean only where {@link #HEALTH_API} is: named, never referred to, so never loaded elsewhere. */
    static final String READINESS = "org.recordedcall.internal.health.RecorderReadiness";

    /** The library's class {@code bean} when the class {@code api} it needs can be loaded, else nothing. */
    static Optional<Class<?>> optional(String api, String bean) {
        var loader = RecordedCallExtension.class.getClassLoader();
        if (!Classes.visible(api, loader)) {
            return Optional.empty(); // the server does not offer it: the library works without
        }
        try {
            return Optional.of(Class.forName(bean, false, loader));
        } catch (ClassNotFoundException | LinkageError broken) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: " + api + " is there, but " + bean
                    + " cannot be loaded: " + broken);
            return Optional.empty();
        }
    }
}
