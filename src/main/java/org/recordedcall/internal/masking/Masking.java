package org.recordedcall.internal.masking;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.JsonSupport;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.json.JsonCapture;

import java.io.StringReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks the secrets of a call before anything sees it, store or observer: the values of
 * secret names (the setting's, plus the endpoint's own) in the query string, JSON and form
 * bodies, arguments and result. Headers are masked by the setting's names as they are copied
 * ({@link HeaderCapture}), and here by the names an endpoint adds.
 */
@Singleton
public final class Masking {

    private final SecretNames secrets;
    // the setting's names with an endpoint's own, built once per distinct list of them
    private final Map<List<String>, SecretNames> withEndpointNames = new ConcurrentHashMap<>();

    @Inject
    public Masking(Settings settings) {
        this.secrets = new SecretNames(settings.maskedNames());
    }

    /** Whether a name (a header's, a field's, a parameter's) is a secret by the settings. */
    public boolean isSecret(String name) {
        return secrets.isSecret(name);
    }

    /**
     * The call with its secrets masked; the very same record when it holds none.
     *
     * @param masked the names its endpoint masks besides the settings' ({@code @RecordedCall(masked)})
     */
    public CallRecord apply(CallRecord call, List<String> masked) {
        var names = masked.isEmpty() ? secrets : withEndpointNames.computeIfAbsent(masked, secrets::with);
        var query = Masks.form(call.query(), names);
        var requestBody = body(call.requestBody(), names);
        var arguments = captured(call.arguments(), names);
        var result = captured(call.result(), names);
        var responseBody = body(call.responseBody(), names);
        // the setting's names masked headers as they were copied; the endpoint's own are known only now
        var requestHeaders = names == secrets ? call.requestHeaders() : headers(call.requestHeaders(), names);
        var responseHeaders = names == secrets ? call.responseHeaders() : headers(call.responseHeaders(), names);
        var attributes = attributes(call.attributes(), names);
        if (query == call.query() && requestBody == call.requestBody() && arguments == call.arguments()
                && result == call.result() && responseBody == call.responseBody()
                && requestHeaders == call.requestHeaders() && responseHeaders == call.responseHeaders()
                && attributes == call.attributes()) {
            return call;
        }
        return call.toBuilder().query(query).requestHeaders(requestHeaders).requestBody(requestBody)
                .arguments(arguments).result(result).responseHeaders(responseHeaders).responseBody(responseBody)
                .attributes(attributes).build();
    }

    /** The attributes with the values of secret names masked; the very same map when there is none. */
    private static Map<String, String> attributes(Map<String, String> attributes, SecretNames names) {
        Map<String, String> masked = null;
        for (var attribute : attributes.entrySet()) {
            if (names.isSecret(attribute.getKey()) && !Masks.MASK.equals(attribute.getValue())) {
                if (masked == null) {
                    masked = new TreeMap<>(attributes);
                }
                masked.put(attribute.getKey(), Masks.MASK);
            }
        }
        return masked == null ? attributes : masked;
    }

    /** The headers with the values of secret names masked; the very same map when there is none. */
    private static Map<String, List<String>> headers(Map<String, List<String>> headers, SecretNames names) {
        if (headers == null) {
            return null;
        }
        Map<String, List<String>> masked = null;
        for (var header : headers.entrySet()) {
            var values = header.getValue();
            if (values.isEmpty() || !names.isSecret(header.getKey())
                    || values.stream().allMatch(Masks.MASK::equals)) {
                continue;
            }
            if (masked == null) {
                masked = new TreeMap<>(headers);
            }
            masked.put(header.getKey(), Collections.nCopies(values.size(), Masks.MASK));
        }
        return masked == null ? headers : masked;
    }

    /**
     * Captured JSON (arguments, a result); when the cap cut it, it is a JSON string holding
     * the start of the JSON, which is masked inside that string.
     */
    private static String captured(String json, SecretNames names) {
        if (json == null || !json.startsWith("\"" + JsonCapture.TRUNCATED)) {
            return Masks.json(json, names);
        }
        String inner;
        try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
            inner = ((JsonString) reader.readValue()).getString();
        } catch (RuntimeException notOneString) {
            return Masks.json(json, names);
        }
        var masked = Masks.json(inner, names);
        return masked == inner ? json : JsonSupport.PROVIDER.createValue(masked).toString();
    }

    /**
     * JSON when it looks like JSON, else {@code name=value&...} when it has a {@code =} (form
     * bodies; and any other text so shaped is better masked than not). Judged by the text, not
     * by a content type: the headers may not be recorded.
     */
    private static String body(String text, SecretNames names) {
        if (text == null) {
            return null;
        }
        var start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        var looksLikeJson = start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
        return looksLikeJson || text.indexOf('=') < 0 ? Masks.json(text, names) : Masks.form(text, names);
    }
}
