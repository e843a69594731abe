package org.recordedcall.internal.lifecycle;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.rest.Endpoint;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the Java side of a call: on the resource method of a recorded HTTP call, its
 * arguments, result or exception; on a plain bean method outside any recorded call, a whole
 * call of kind METHOD. Inside a recorded call, nested annotated methods only run.
 *
 * <p>Not final, with a public no-argument constructor, serializable and injected through an
 * initializer method: what an EJB container requires of an interceptor of a session bean
 * ({@code @Stateless} and {@code @Singleton} resources). Payara Server's EJB container
 * generates a serializable subclass of each such interceptor, and a final class fails the
 * deployment there (Payara Micro accepts it).
 */
@RecordedCall
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class RecordedCallInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    // per class (a bean's proxy or subclass included), its methods' answers to isAnnotated
    private static final ClassValue<Map<Method, Boolean>> ANNOTATED = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    // the library's beans are application singletons, wired again after deserialization
    private transient Settings settings;
    private transient Recorder recorder;
    private transient JsonCapture json;
    private transient Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** Made by the container. */
    public RecordedCallInterceptor() {
        // dependencies arrive through wire
    }

    @Inject
    void wire(Settings settings, Recorder recorder, JsonCapture json) {
        this.settings = settings;
        this.recorder = recorder;
        this.json = json;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        var beans = CDI.current();
        wire(beans.select(Settings.class).get(), beans.select(Recorder.class).get(), beans.select(JsonCapture.class).get());
        endpoints = new ConcurrentHashMap<>();
    }

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        if (!settings.enabled()) {
            return invocation.proceed();
        }
        var call = CallScope.currentCall();
        if (call == null) {
            // a resource bound by the library alone (for application-wide recording) is no METHOD call
            return isAnnotated(invocation) ? recordMethodCall(invocation) : invocation.proceed();
        }
        if (call.claimInvocation(invocation.getMethod())) {
            call.joinSpan(); // the resource method runs inside whatever span a tracing filter began
            // the HTTP side ends this call, once the response is out
            return observe(invocation, call, () -> { });
        }
        return invocation.proceed();
    }

    /**
     * Whether a bean method's call outside any HTTP call is recorded: its annotations decide, not
     * the binding. Decided once per class and method, since it is asked on every call of a
     * resource that the library binds for application-wide recording but no call records.
     */
    private static boolean isAnnotated(InvocationContext invocation) {
        var target = invocation.getTarget();
        var method = invocation.getMethod();
        var type = target != null ? target.getClass() : method.getDeclaringClass();
        return ANNOTATED.get(type).computeIfAbsent(method, m -> Endpoint.isRecorded(type, m, false));
    }

    private Object recordMethodCall(InvocationContext invocation) throws Exception {
        var method = invocation.getMethod();
        var call = CallDraft.method(endpoints.computeIfAbsent(method, m -> Endpoint.of(m.getDeclaringClass(), m)),
                settings.traceFromSpan());
        call.joinSpan();
        var outer = CallScope.enter(call);
        recorder.started(call);
        try {
            return observe(invocation, call, () -> recorder.ended(call));
        } finally {
            CallScope.restore(outer);
        }
    }

    /**
     * Runs the method, recording its arguments and its result or exception, then
     * {@code done}: at once, or, for a returned stage, when the stage completes (the caller
     * gets back a stage that completes only after that, so nothing can observe it earlier).
     */
    private Object observe(InvocationContext invocation, CallDraft call, Runnable done) throws Exception {
        var endpoint = call.endpoint();
        if (endpoint.records(Endpoint.Part.ARGUMENTS)) {
            call.arguments(json.arguments(invocation.getMethod(), invocation.getParameters()));
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception e) {
            recorder.failed(call, e);
            done.run();
            throw e;
        }
        var method = invocation.getMethod();
        var recordResult = endpoint.records(Endpoint.Part.RESULT);
        if (result instanceof CompletionStage<?> stage && canReplace(method, result)) {
            return stage.whenComplete((value, thrown) -> {
                if (thrown != null) {
                    recorder.failed(call, unwrap(thrown));
                } else if (recordResult) {
                    call.result(json.result(value));
                }
                done.run();
            });
        }
        if (recordResult && method.getReturnType() != void.class) {
            call.result(json.result(result));
        }
        done.run();
        return result;
    }

    // whenComplete returns a CompletableFuture for a CompletableFuture, a CompletionStage otherwise
    private static boolean canReplace(Method method, Object result) {
        var declared = method.getReturnType();
        return declared == CompletionStage.class
                || result instanceof CompletableFuture<?> && declared.isAssignableFrom(CompletableFuture.class);
    }

    private static Throwable unwrap(Throwable thrown) {
        return thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
    }
}
