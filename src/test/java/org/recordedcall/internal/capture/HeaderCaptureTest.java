package org.recordedcall.internal.capture;

import org.junit.jupiter.api.Test;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderCaptureTest {

    private static final Map<String, List<String>> REQUEST = Map.of(
            "Authorization", List.of("Bearer secret"),
            "COOKIE", List.of("session=1", "theme=dark"),
            "Proxy-Authorization", List.of("Basic abc"),
            "Set-Cookie", List.of("id=2"),
            "Accept", List.of("application/json"),
            "X-Api-Key", List.of("k-123"));

    @Test
    void secretHeadersAreMaskedByDefaultWhateverTheirCase() {
        var copy = copy(Settings.defaults());

        assertEquals(List.of("***"), copy.get("authorization"));
        assertEquals(List.of("***", "***"), copy.get("cookie"));
        assertEquals(List.of("***"), copy.get("proxy-authorization"));
        assertEquals(List.of("***"), copy.get("set-cookie"));
        assertEquals(List.of("application/json"), copy.get("accept"));
        assertEquals(List.of("k-123"), copy.get("x-api-key"));
    }

    @Test
    void theMaskedListIsConfigurable() {
        var settings = Settings.from(Map.of(RecordedCallSettings.MASKED_HEADERS, "X-Api-Key")::get);

        var copy = copy(settings);

        assertEquals(List.of("***"), copy.get("x-api-key"));
        assertEquals(List.of("Bearer secret"), copy.get("authorization"));
    }

    private static Map<String, List<String>> copy(Settings settings) {
        return new HeaderCapture(settings).copy(Collections.enumeration(REQUEST.keySet()),
                name -> Collections.enumeration(REQUEST.get(name)));
    }
}
