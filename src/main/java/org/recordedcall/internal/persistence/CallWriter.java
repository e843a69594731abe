package org.recordedcall.internal.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.capture.CallSink;

import java.util.concurrent.RejectedExecutionException;

/**
 * Stores finished calls off the request thread, on the container's managed executor. A call
 * that cannot be stored is logged with what the user can do; the response it belongs to has
 * long been sent and is never affected.
 */
@Singleton
public class CallWriter implements CallSink {

    private static final System.Logger LOG = System.getLogger(CallWriter.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CallStore store;

    @Override
    public void accept(CallRecord call) {
        try {
            executor.execute(() -> write(call));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + call.id() + " (" + call.operation()
                    + ") is not stored: the managed executor refused the write (" + e.getMessage()
                    + "). Raise the default managed executor's queue size if this repeats.");
        }
    }

    private void write(CallRecord call) {
        try {
            store.insert(call);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // an Error too: the executor would swallow it, and the call would vanish without a word
            LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + call.id() + " (" + call.operation()
                    + ") is not stored: " + e + ". Check that the RECORDED_CALL table exists and the datasource "
                    + "of persistence unit '" + CallStore.UNIT + "' is reachable.", e);
        }
    }
}
