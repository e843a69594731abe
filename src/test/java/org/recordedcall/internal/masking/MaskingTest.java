package org.recordedcall.internal.masking;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.rest.Endpoint;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A whole record masked: every part that can hold a secret, the endpoint's own names, nothing copied when clean. */
class MaskingTest {

    @RecordedCall
    static class Endpoints {
        public void plain() {
        }

        @RecordedCall(masked = "pin")
        public void withPin() {
        }
    }

    private final Masking masking = new Masking(Settings.defaults());

    private static Endpoint endpoint(String method) throws NoSuchMethodException {
        return Endpoint.of(Endpoints.class, Endpoints.class.getMethod(method));
    }

    private static CallRecord call(String query, String requestBody, String arguments, String result, String responseBody) {
        return call(query, requestBody, arguments, result, responseBody, Map.of(), Map.of());
    }

    private static CallRecord call(String query, String requestBody, String arguments, String result, String responseBody,
                                   Map<String, List<String>> requestHeaders, Map<String, List<String>> responseHeaders) {
        return CallRecord.builder().id("id").correlationId("id").kind(CallKind.HTTP).operation("op")
                .httpMethod("POST").path("/a").route("/a").query(query)
                .requestHeaders(requestHeaders).requestBody(requestBody).resourceClass("C")
                .resourceMethod("m").arguments(arguments).result(result).status(200)
                .responseHeaders(responseHeaders).responseBody(responseBody).durationNanos(1L)
                .outcome(CallOutcome.SUCCESS).build();
    }

    @Test
    void everyPartThatCanHoldASecretIsMasked() throws Exception {
        var masked = masking.apply(call("a=1&password=p", "user=u&token=t", "{\"apiKey\":\"k\"}",
                "{\"secret\":\"s\"}", "{\"pin\":\"1\",\"accessToken\":\"x\"}"), endpoint("plain").masked());

        assertEquals("a=1&password=***", masked.query());
        assertEquals("user=u&token=***", masked.requestBody());
        assertEquals("{\"apiKey\":\"***\"}", masked.arguments());
        assertEquals("{\"secret\":\"***\"}", masked.result());
        assertEquals("{\"pin\":\"1\",\"accessToken\":\"***\"}", masked.responseBody(), "pin is no secret here");
    }

    @Test
    void anEndpointAddsItsOwnNames() throws Exception {
        var masked = masking.apply(call(null, null, null, null, "{\"pin\":\"1\"}"), endpoint("withPin").masked());

        assertEquals("{\"pin\":\"***\"}", masked.responseBody());
    }

    @Test
    void anEndpointsOwnNamesMaskHeadersToo() throws Exception {
        var headers = Map.of("x-pin", List.of("1", "2"), "accept", List.of("*/*"));
        var call = call(null, null, null, null, null, headers, Map.of("x-pin-echo", List.of("1")));

        var masked = masking.apply(call, endpoint("withPin").masked());

        assertEquals(Map.of("x-pin", List.of("***", "***"), "accept", List.of("*/*")), masked.requestHeaders());
        assertEquals(Map.of("x-pin-echo", List.of("***")), masked.responseHeaders());
        assertSame(call, masking.apply(call, endpoint("plain").masked()), "pin is no secret elsewhere");
    }

    @Test
    void attributesNamedLikeSecretsAreMasked() throws Exception {
        var call = call(null, null, null, null, null).toBuilder()
                .attributes(Map.of("tenant", "acme", "apiKey", "k-1", "pin", "1234")).build();

        assertEquals(Map.of("tenant", "acme", "apiKey", "***", "pin", "1234"),
                masking.apply(call, endpoint("plain").masked()).attributes());
        assertEquals(Map.of("tenant", "acme", "apiKey", "***", "pin", "***"),
                masking.apply(call, endpoint("withPin").masked()).attributes(), "and by the endpoint's own names");
    }

    @Test
    void aRecordWithoutSecretsIsNotCopied() throws Exception {
        var call = call("a=1", "{\"item\":\"pen\"}", "{\"id\":\"7\"}", "{\"ok\":true}", "plain text");

        assertSame(call, masking.apply(call, endpoint("plain").masked()));
    }

    @Test
    void argumentsCutAtTheCapAreMaskedInsideTheirPlaceholder() throws Exception {
        var capture = new JsonCapture(Settings.from(Map.of(
                org.recordedcall.RecordedCallSettings.JSON_MAX_CHARS, "40")::get));
        var cut = capture.value(java.util.List.of(Map.of("password", "hunter2"), Map.of("password", "hunter3")));

        var masked = masking.apply(call(null, null, cut, cut, null), endpoint("plain").masked());

        assertEquals("\"<truncated at 40 chars> [{\\\"password\\\":\\\"***\\\"},{\\\"password\\\":\\\"***\\\"\"",
                masked.arguments());
        assertEquals(masked.arguments(), masked.result());
        capture.close();
    }
}
