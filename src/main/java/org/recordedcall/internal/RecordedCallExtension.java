package org.recordedcall.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.recordedcall.internal.capture.CurrentCallView;
import org.recordedcall.internal.capture.HeaderCapture;
import org.recordedcall.internal.capture.HttpCalls;
import org.recordedcall.internal.capture.Masking;
import org.recordedcall.internal.capture.StoragePolicy;
import org.recordedcall.internal.capture.JsonCapture;
import org.recordedcall.internal.capture.RecordedCallInterceptor;
import org.recordedcall.internal.capture.Recorder;
import org.recordedcall.internal.config.SettingsProducer;
import org.recordedcall.internal.persistence.CallStore;
import org.recordedcall.internal.persistence.CallWriter;
import org.recordedcall.internal.persistence.JpaRecordedCalls;
import org.recordedcall.internal.persistence.Retention;
import org.recordedcall.internal.persistence.StoreUnit;

import java.util.List;

/**
 * Registers the library's beans and interceptor. The jar itself is not scanned
 * ({@code bean-discovery-mode="none"}), so what the library provides does not depend on how
 * the host application configures bean discovery.
 */
public final class RecordedCallExtension implements Extension {

    static final List<Class<?>> BEANS = List.of(
            SettingsProducer.class,
            JsonCapture.class,
            HeaderCapture.class,
            Recorder.class,
            Masking.class,
            StoragePolicy.class,
            HttpCalls.class,
            CurrentCallView.class,
            RecordedCallInterceptor.class,
            StoreUnit.class,
            CallStore.class,
            CallWriter.class,
            Retention.class,
            JpaRecordedCalls.class);

    void addBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        for (var type : BEANS) {
            discovery.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
        }
    }
}
