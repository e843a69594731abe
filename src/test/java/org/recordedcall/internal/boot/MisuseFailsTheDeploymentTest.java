package org.recordedcall.internal.boot;

import jakarta.enterprise.context.RequestScoped;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;
import org.recordedcall.RecordedCall;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A misused annotation on a bean fails the deployment, with the numbered message, in a real CDI container. */
class MisuseFailsTheDeploymentTest {

    @RequestScoped
    @RecordedCall(sampleRate = 2)
    public static class OverSampled {
        public String get() {
            return "";
        }
    }

    @Test
    void theContainerRefusesToStart() {
        var weld = new Weld().disableDiscovery().addExtension(new RecordedCallExtension()).addBeanClass(OverSampled.class);

        var failure = assertThrows(RuntimeException.class, () -> weld.initialize().close());

        var text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        assertTrue(text.toString().contains("recorded-call RC001: " + OverSampled.class.getName()), text::toString);
    }
}
