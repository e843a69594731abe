package org.recordedcall.internal.boot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which resource classes may get the interceptor binding without failing the deployment. */
class RecordedCallExtensionBindingTest {

    static class Plain {
        public String get() {
            return "";
        }

        private final String own() {
            return "";
        }

        static final String helper() {
            return "";
        }
    }

    static final class Final {
    }

    static class WithFinalMethod {
        public final String get() {
            return "";
        }
    }

    static class InheritsFinalMethod extends WithFinalMethod {
    }

    record Resource(String id) {
    }

    @Test
    void finalClassesAndFinalMethodsAreLeftAlone() {
        assertTrue(RecordedCallExtension.isInterceptable(Plain.class), "private and static final methods are fine");
        assertFalse(RecordedCallExtension.isInterceptable(Final.class));
        assertFalse(RecordedCallExtension.isInterceptable(WithFinalMethod.class));
        assertFalse(RecordedCallExtension.isInterceptable(InheritsFinalMethod.class));
        assertFalse(RecordedCallExtension.isInterceptable(Resource.class));
        assertFalse(RecordedCallExtension.isInterceptable(Runnable.class));
    }
}
