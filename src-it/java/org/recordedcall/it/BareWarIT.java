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
 * A WAR with no beans.xml and no bean-defining annotation anywhere (not a bean archive: CDI
 * knows none of its classes), recorded whole by its {@code Application}'s annotation. On Payara
 * CDI still serves it, and a plain resource's calls have their arguments and result. WildFly runs
 * such an application without CDI at all: the library must then stay out of the way (the
 * application deploys and answers as it would without the jar) and say why it records nothing.
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

    private static boolean onWildFly() {
        return System.getProperty("arquillian.xml", "").contains("wildfly");
    }

    @Test
    void withoutCdiTheApplicationStillWorksAndTheApiSaysWhy() {
        var api = new Api(base);
        assertEquals(200, api.get("bare/shelf/4", "bare-" + UUID.randomUUID()).statusCode());
        var answer = api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", ApiIT.VIEWER).GET());
        if (onWildFly()) {
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(Api.object(answer.body()).getString("message").contains("beans.xml"), answer.body());
        } else {
            assertEquals(200, answer.statusCode(), "Payara serves it with CDI: " + answer.body());
        }
    }

    @Test
    void argumentsAndResultOfAPlainResource() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(onWildFly(), "WildFly runs this application without CDI");
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
