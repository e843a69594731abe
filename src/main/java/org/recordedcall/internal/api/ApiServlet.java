package org.recordedcall.internal.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recordedcall.CallQuery;
import org.recordedcall.internal.Cdi;
import org.recordedcall.internal.ErrorBody;
import org.recordedcall.internal.config.ApiSettings;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.persistence.JpaRecordedCalls;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query API and the dashboard: a servlet of the library's own, not a Jakarta REST
 * application, so that an application that scans for resources finds nothing of the library's
 * (no resource in its start-up banner, its WADL or its routing). Off unless
 * {@code recordedcall.api.enabled}; then 401 for an anonymous caller, 403 for one not in the role.
 * Every answer is {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff};
 * every failure is the library's one error body ({@link ErrorBody}). Read-only: {@code GET} and {@code HEAD}.
 *
 * <table>
 * <caption>What it answers, below its mapping</caption>
 * <tr><td>{@code dashboard}, {@code dashboard.js}, {@code dashboard.css}, {@code uplot/*}</td><td>the dashboard
 * and the charting library it is built on (uPlot, MIT), from the jar</td></tr>
 * <tr><td>{@code api/calls}</td><td>a page of calls, summaries unless {@code full=true}: filters, order, keyset paging</td></tr>
 * <tr><td>{@code api/calls/export}</td><td>the calls as JSON lines</td></tr>
 * <tr><td>{@code api/calls/{id}}, {@code api/calls/{id}/curl}</td><td>one call, as JSON or as a curl command</td></tr>
 * <tr><td>{@code api/stats}, {@code api/series}</td><td>statistics of a window</td></tr>
 * </table>
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The servlet's name. */
    public static final String NAME = "org.recordedcall.api";

    /** The most calls one export streams. */
    static final int MAX_EXPORT = 100_000;
    private static final int EXPORT_PAGE = 500;
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final Pattern ONE_CALL = Pattern.compile("/api/calls/([^/]+)(/curl)?");
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The dashboard's files, by their path below the mapping; uPlot's are copied into the jar from its WebJar. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "/dashboard", new Asset("dashboard.html", "text/html"),
            "/dashboard.js", new Asset("dashboard.js", "text/javascript"),
            "/dashboard.css", new Asset("dashboard.css", "text/css"),
            "/uplot/uPlot.iife.min.js", new Asset("uplot/uPlot.iife.min.js", "text/javascript"),
            "/uplot/uPlot.min.css", new Asset("uplot/uPlot.min.css", "text/css"),
            "/uplot/LICENSE", new Asset("uplot/LICENSE", "text/plain"));

    private transient Jsonb json;
    private transient ApiSettings settings;

    @Override
    public void init() {
        json = JsonbBuilder.create();
        settings = Cdi.active() ? CDI.current().select(Settings.class).get().api() : null;
    }

    @Override
    public void destroy() {
        try {
            json.close();
        } catch (Exception ignored) {
            // nothing outlives the application
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            failure(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "the recorded-call API is read-only: GET and HEAD");
            return;
        }
        if (admitted(request, response)) {
            try {
                answer(request, response);
            } catch (RuntimeException failed) {
                if (response.isCommitted()) {
                    // an export cut short: writing an error into the lines would pass for data; the cut shows
                    LOG.log(System.Logger.Level.WARNING, "recorded-call API: an answer failed after it began", failed);
                    throw failed;
                }
                answerFailure(response, failed);
            }
        }
    }

    private static void answerFailure(HttpServletResponse response, RuntimeException failed) throws IOException {
        if (failed instanceof IllegalArgumentException bad) {
            failure(response, HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
        } else if (failed instanceof PersistenceException) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call API: the database did not answer", failed);
            failure(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorBody.STORAGE_UNAVAILABLE,
                    "the recorded calls cannot be read now; try again");
        } else {
            LOG.log(System.Logger.Level.ERROR, "recorded-call API failed", failed);
            failure(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ErrorBody.INTERNAL_ERROR,
                    "the recorded-call API failed; see the server log");
        }
    }

    /** The door: 404 while the API is off, 401 for an anonymous caller, 403 for one not in the role. */
    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (settings == null) {
            failure(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Cdi.ABSENT);
            return false;
        }
        if (!settings.enabled()) {
            failure(response, HttpServletResponse.SC_NOT_FOUND,
                    "the recorded-call API is not enabled (recordedcall.api.enabled)");
            return false;
        }
        if (request.getUserPrincipal() == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"recorded-calls\"");
            failure(response, HttpServletResponse.SC_UNAUTHORIZED, "sign in as a user in the role "
                    + settings.role());
            return false;
        }
        if (!request.isUserInRole(settings.role())) {
            failure(response, HttpServletResponse.SC_FORBIDDEN,
                    request.getUserPrincipal().getName() + " is not in the role " + settings.role());
            return false;
        }
        return true;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getPathInfo() == null ? "" : request.getPathInfo();
        var asset = ASSETS.get(path);
        if (asset != null) {
            var content = asset.content();
            if (content == null) {
                failure(response, HttpServletResponse.SC_NOT_FOUND, asset.name() + " is missing from the recorded-call jar "
                        + "(built without its resources?)");
                return;
            }
            response.setHeader("Content-Security-Policy", POLICY);
            text(response, content, asset.type());
            return;
        }
        switch (path) {
            case "/api/calls" -> {
                var filters = filters(request, Filters.LIST);
                var full = filters.bool("full", false);
                var page = calls().find(filters.query(filters.integer("limit", 50, 1, CallQuery.MAX_LIMIT)));
                json(response, full ? page : CallSummary.Page.of(page));
            }
            case "/api/calls/export" -> export(request, response);
            case "/api/stats" -> {
                var filters = filters(request, Set.of("from", "to", "slowest"));
                var window = filters.window();
                json(response, calls().stats(window[0], window[1], filters.integer("slowest", 10, 0, 100)));
            }
            case "/api/series" -> {
                var filters = filters(request, Set.of("from", "to", "route", "buckets"));
                var window = filters.window();
                json(response, calls().series(window[0], window[1], filters.text("route"),
                        filters.integer("buckets", 60, 1, 500)));
            }
            default -> oneCall(request, response, path);
        }
    }

    private void oneCall(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        var matcher = ONE_CALL.matcher(path);
        if (!matcher.matches()) {
            failure(response, HttpServletResponse.SC_NOT_FOUND, "no such resource of the recorded-call API");
            return;
        }
        filters(request, Set.of()); // no parameters here
        var id = matcher.group(1);
        var call = calls().find(id).orElse(null);
        if (call == null) {
            failure(response, HttpServletResponse.SC_NOT_FOUND, "no recorded call " + id);
        } else if (matcher.group(2) == null) {
            json(response, call);
        } else {
            var context = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                    + request.getContextPath();
            text(response, CurlCommand.of(call, context), "text/plain;charset=UTF-8");
        }
    }

    /** The calls of the filters as JSON lines, one record a line, up to {@code limit} (at most 100 000). */
    private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var filters = filters(request, Filters.QUERY);
        int total = filters.integer("limit", MAX_EXPORT, 1, MAX_EXPORT);
        var query = filters.query(Math.min(EXPORT_PAGE, total));
        var calls = calls();
        // the first page before anything is written: a failure then is still a proper answer
        var page = calls.find(query);
        response.setContentType("application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"recorded-calls.jsonl\"");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        var left = total;
        while (true) {
            for (var call : page.calls()) {
                writer.write(json.toJson(call));
                writer.write('\n');
            }
            left -= page.calls().size();
            if (page.next() == null || left <= 0) {
                break;
            }
            page = calls.find(query.page(Math.min(EXPORT_PAGE, left), page.next()));
        }
        writer.flush();
    }

    private static Filters filters(HttpServletRequest request, Set<String> known) {
        return Filters.of(QueryString.parse(request.getQueryString()), known);
    }

    private void json(HttpServletResponse response, Object value) throws IOException {
        text(response, json.toJson(value), JSON_TYPE);
    }

    private static void text(HttpServletResponse response, String content, String type) throws IOException {
        var bytes = content.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A failure of the API, in the library's one error body; the API's own calls are never recorded: no call id. */
    static void failure(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        text(response, ErrorBody.of(code, message, null, null).toString(), JSON_TYPE);
    }

    static void failure(HttpServletResponse response, int status, String message) throws IOException {
        failure(response, status, ErrorBody.code(status), message);
    }

    private static JpaRecordedCalls calls() {
        return CDI.current().select(JpaRecordedCalls.class).get();
    }

    /** A file of the dashboard, read from the jar when first asked for; a missing one answers 404, not a broken API. */
    private static final class Asset {
        private final String name;
        private final String type;
        private volatile String content;

        Asset(String name, String type) {
            this.name = name;
            this.type = type + ";charset=UTF-8";
        }

        String name() {
            return name;
        }

        String type() {
            return type;
        }

        /** The file's text, or {@code null} when the jar lacks it. */
        String content() {
            if (content == null) {
                try (InputStream in = ApiServlet.class.getResourceAsStream(name)) {
                    if (in == null) {
                        return null;
                    }
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return content;
        }
    }
}
