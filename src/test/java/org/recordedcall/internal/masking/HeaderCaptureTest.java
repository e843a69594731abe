package org.recordedcall.internal.masking;

import org.junit.jupiter.api.Test;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderCaptureTest {

    private static final Map<String, List<String>> REQUEST = Map.of(
            "Authorization", List.of("Bearer secret"),
            "COOKIE", List.of("session=1", "theme=dark"),
            "Proxy-Authorization", List.of("Basic abc"),
            "Set-Cookie", List.of("id=2"),
            "Accept", List.of("application/json"),
            "X-Api-Key", List.of("k-123"),
            "X-Auth-Token", List.of("t-456"),
            "X-Internal-Id", List.of("7"));

    @Test
    void secretHeadersAreMaskedByDefaultWhateverTheirCase() {
        var copy = copy(Settings.defaults());

        assertEquals(List.of("***"), copy.get("authorization"));
        assertEquals(List.of("***", "***"), copy.get("cookie"));
        assertEquals(List.of("***"), copy.get("proxy-authorization"));
        assertEquals(List.of("***"), copy.get("set-cookie"));
        assertEquals(List.of("application/json"), copy.get("accept"));
        assertEquals(List.of("***"), copy.get("x-api-key"), "named like a key");
        assertEquals(List.of("***"), copy.get("x-auth-token"), "named like a token");
        assertEquals(List.of("7"), copy.get("x-internal-id"));
    }

    @Test
    void theMaskedListIsConfigurable() {
        var settings = Settings.from(Map.of(RecordedCallSettings.MASKED_HEADERS, "X-Internal-Id",
                RecordedCallSettings.MASKED_NAMES, "password")::get);

        var copy = copy(settings);

        assertEquals(List.of("***"), copy.get("x-internal-id"));
        assertEquals(List.of("Bearer secret"), copy.get("authorization"), "no longer a secret by either list");
        assertEquals(List.of("***"), copy.get("x-api-key"), "still named like a key");
    }

    @Test
    void theContainersValuesAreCopiedAtOnceAndNamesOfOneHeaderInTwoCasesAreMerged() {
        var capture = new HeaderCapture(Settings.defaults(), new Masking(Settings.defaults()));
        var sent = new java.util.LinkedHashMap<String, java.util.Collection<String>>();
        sent.put("X-Trace", new java.util.ArrayList<>(List.of("a", "b")));
        sent.put("x-trace", new java.util.ArrayList<>(List.of("c")));
        sent.put("Set-Cookie", new java.util.ArrayList<>(List.of("id=2")));
        sent.put("X-Empty", new java.util.ArrayList<>());

        var copy = capture.copy(sent.keySet(), sent::get).orElse("content-type", "application/json");
        sent.get("X-Trace").add("changed after the copy");
        sent.get("x-trace").clear();

        assertEquals(Map.of("x-trace", List.of("a", "b", "c"), "set-cookie", List.of("***"), "x-empty", List.of(),
                "content-type", List.of("application/json")), copy);
        assertEquals(List.of("content-type", "set-cookie", "x-empty", "x-trace"), List.copyOf(copy.keySet()), "sorted");
        assertThrows(UnsupportedOperationException.class, () -> copy.put("x", List.of()));
        var withType = capture.copy(List.of("Content-Type"), name -> List.of("text/plain")).orElse("content-type", "x/y");
        assertEquals(Map.of("content-type", List.of("text/plain")), withType, "the container's own wins");
        var odd = new java.util.LinkedHashMap<String, List<String>>();
        odd.put("X-Some", java.util.Arrays.asList(null, "x", null));
        odd.put("X-None", java.util.Arrays.asList((String) null));
        assertEquals(Map.of("x-some", List.of("x"), "x-none", List.of()),
                capture.copy(Collections.enumeration(odd.keySet()), name -> Collections.enumeration(odd.get(name))),
                "a container's null value is left out, never a failure later where the record is made");
    }

    private static Map<String, List<String>> copy(Settings settings) {
        return new HeaderCapture(settings, new Masking(settings)).copy(Collections.enumeration(REQUEST.keySet()),
                name -> Collections.enumeration(REQUEST.get(name)));
    }
}
