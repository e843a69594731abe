package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.WholeApplication;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which methods an application recorded whole records, and with which policy. */
class ApplicationWideTest {

    @RecordedCall(value = "everything", masked = "pin", arguments = false)
    static class WholeApplication {
    }

    static class Plain {
        public void one() {
        }

        @NotRecorded
        public void out() {
        }

        @RecordedCall(masked = "iban")
        public void own() {
        }
    }

    @NotRecorded
    static class OptedOut {
        public void one() {
        }

        @RecordedCall
        public void asked() {
        }
    }

    @Test
    void theMethodDecidesThenItsClassThenTheApplication() throws Exception {
        assertTrue(Endpoint.isRecorded(Plain.class, Plain.class.getMethod("one"), true));
        assertFalse(Endpoint.isRecorded(Plain.class, Plain.class.getMethod("one"), false));
        assertFalse(Endpoint.isRecorded(Plain.class, Plain.class.getMethod("out"), true));
        assertTrue(Endpoint.isRecorded(Plain.class, Plain.class.getMethod("own"), false));
        assertFalse(Endpoint.isRecorded(OptedOut.class, OptedOut.class.getMethod("one"), true));
        assertTrue(Endpoint.isRecorded(OptedOut.class, OptedOut.class.getMethod("asked"), true));
    }

    @Test
    void theApplicationsMembersApplyUnlessTheMethodHasItsOwn() throws Exception {
        var wide = WholeApplication.class.getAnnotation(RecordedCall.class);

        var plain = Endpoint.of(Plain.class, Plain.class.getMethod("one"), wide);
        var own = Endpoint.of(Plain.class, Plain.class.getMethod("own"), wide);

        assertEquals("Plain#one", plain.operation(), "an application's value names no operation");
        assertFalse(plain.records(Endpoint.Part.ARGUMENTS));
        assertEquals(List.of("pin"), plain.masked());
        assertTrue(own.records(Endpoint.Part.ARGUMENTS), "the method's own annotation wins");
        assertEquals(List.of("pin", "iban"), own.masked(), "secret names add up");
    }

    @Test
    void theSettingNamesApplicationsOrAll() {
        var named = Settings.from(Map.of(RecordedCallSettings.APPLICATIONS, " " + Plain.class.getName() + " , x.Y")::get);
        var all = Settings.from(Map.of(RecordedCallSettings.APPLICATIONS, "*")::get);

        assertTrue(named.recordsApplication(Plain.class));
        assertFalse(named.recordsApplication(WholeApplication.class));
        assertFalse(named.recordsApplication(null));
        assertTrue(all.recordsApplication(WholeApplication.class));
        assertFalse(Settings.defaults().recordsApplication(WholeApplication.class));
    }
}
