package org.recordedcall.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.it.app.TestLogin;
import org.recordedcall.it.bare.BareApplication;
import org.recordedcall.it.wide.ShelfResource;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WAR with no beans.xml and no bean-defining annotation anywhere (its own classes are no bean
 * archive), recorded whole by its {@code Application}'s annotation. The library's jar is a bean
 * archive of its own (one that discovers nothing), so CDI serves the application on both servers
 * and a plain resource's calls have their arguments and result. (Until the jar was a bean archive,
 * WildFly ran such an application without CDI.)
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BareWarIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "bare.war")
                .addClasses(BareApplication.class, ShelfResource.class, TestLogin.class)
                .addAsLibrary(Deployments.libraryJar())
                .addAsResource(new StringAsset(RecordedCallSettings.API_ENABLED + "=true\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private JsonObject awaitCall(Api api, String id) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var page = Api.object(api.send(api.request("recorded-calls/api/calls?full=true&correlationId=" + id)
                    .header("X-Test-Login", ApiIT.VIEWER).GET()).body());
            if (!page.getJsonArray("calls").isEmpty()) {
                return page.getJsonArray("calls").getJsonObject(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no call " + id);
    }

    @Test
    void theApplicationWorksAndTheApiAnswers() {
        var api = new Api(base);
        assertEquals(200, api.get("bare/shelf/4", "bare-" + UUID.randomUUID()).statusCode());
        var answer = api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", ApiIT.VIEWER).GET());
        assertEquals(200, answer.statusCode(), "CDI serves it: " + answer.body());
    }

    @Test
    void argumentsAndResultOfAPlainResource() throws Exception {
        var api = new Api(base);
        var get = "bare-" + UUID.randomUUID();
        var post = get + "-post";
        assertEquals(200, api.get("bare/shelf/3", get).statusCode());
        assertEquals(200, api.send(api.request("bare/shelf").header("X-Request-Id", post)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")))
                .statusCode());

        var call = awaitCall(api, get);
        assertEquals("/bare/shelf/{id}", call.getString("route"), call.toString());
        var posted = awaitCall(api, post);
        assertTrue(posted.getString("arguments", "").contains("\"n\""), posted.toString());
        assertTrue(posted.getString("result", "").contains("added"), posted.toString());
        assertEquals("{\"id\":\"3\"}", call.getString("arguments", null), call.toString());
        assertTrue(call.getString("result", "").contains("shelf 3"), call.toString());
    }
}
