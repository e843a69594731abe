package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's life and the records: a redeploy keeps the recorded rows (on Payara Micro
 * a redeploy is a new server on the same root directory and H2 file; on WildFly the same server,
 * its in-memory H2 outliving the app), an event stream open at the undeploy is stored, and an
 * undeploy under load loses no call the application answered. Deployed one at a time, by the tests.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

    private static final String DRAINED = "drained";
    private static final String TYPICAL = "typical";

    /** On PostgreSQL, writing only every 3 s, so that calls wait in the queue when it is undeployed. */
    @Deployment(name = DRAINED, managed = false, testable = false)
    static WebArchive drained() {
        return Deployments.onPostgres(DRAINED, Map.of(RecordedCallSettings.WRITER_FLUSH_INTERVAL_MS, "3000"));
    }

    /** The typical application, whose event stream a subscriber holds open across its undeploy. */
    @Deployment(name = TYPICAL, managed = false, testable = false)
    static WebArchive typical() {
        return Deployments.typical();
    }

    @ArquillianResource
    Deployer deployer;

    private static Api api(String application) throws Exception {
        return new Api(new URL("http://localhost:" + port() + "/" + application + "/"));
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("recordedcall.it.port"));
    }

    /**
     * Undeploys; on Payara Micro that stops the server, and its Arquillian adapter does not wait
     * for the process to end (its shutdown drains the writer): wait until it has.
     */
    private void undeploy(String name) throws InterruptedException {
        deployer.undeploy(name);
        if (!Deployments.onPayara()) {
            return;
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ProcessHandle.allProcesses().anyMatch(LifecycleIT::isTestServer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Payara Micro still runs 60 s after the undeploy");
            }
            Thread.sleep(200);
        }
    }

    private static boolean isTestServer(ProcessHandle process) {
        return process.info().commandLine()
                .filter(line -> line.contains("payara-micro.jar") && line.contains("arquillian-payara-micro"))
                .isPresent();
    }

    /**
     * One redeploy for two things (on Payara Micro each deploy is a server start): the rows
     * recorded before it are kept, and an event stream still open as the application goes is
     * stored when it is cut.
     */
    @Test
    void rowsRecordedBeforeARedeployAreKeptAndAnEventStreamStillOpenAtTheUndeployIsStored() throws Exception {
        var api = api(TYPICAL);
        var before = "before-" + UUID.randomUUID();
        var stream = "open-stream-" + UUID.randomUUID();
        var after = "after-" + UUID.randomUUID();

        deployer.deploy(TYPICAL);
        var deployed = true;
        try (var subscriber = new RawHttp(new URL("http://localhost:" + port() + "/")).subscribe("/" + TYPICAL + "/api/feed", stream, "welcome")) {
            assertEquals(200, api.get("api/tasks", before).statusCode());
            api.awaitRow(before);
            deployed = false;
            undeploy(TYPICAL);
        } finally {
            if (deployed) {
                undeploy(TYPICAL); // what failed above must not leave it to the next test
            }
        }
        deployer.deploy(TYPICAL);
        try {
            assertEquals(200, api.get("api/tasks", after).statusCode());
            api.awaitRow(after);
            assertEquals(1, api.rows("correlation_id", before).size(), "the row from before the redeploy is kept");
            var row = api.awaitRow(stream);
            assertEquals("200", RecordingIT.text(row, "status"));
            assertEquals("<not recorded: server-sent events, still open at undeploy>", RecordingIT.text(row, "response_body"));
            assertEquals("SUCCESS", RecordingIT.text(row, "outcome"));
        } finally {
            undeploy(TYPICAL);
        }
    }

    @Test
    void undeployingUnderLoadLosesNoAcceptedCall() throws Exception {
        var run = "undeploy-" + UUID.randomUUID();
        var answered = ConcurrentHashMap.<String>newKeySet();
        var sent = ConcurrentHashMap.<String>newKeySet();
        deployer.deploy(DRAINED);
        var api = api(DRAINED);
        Parallel.run(IntStream.range(0, 100).mapToObj(i -> run + "-a" + i).toList(),
                token -> created(api, token, sent, answered));
        assertTrue(WriterFaultIT.writer(api).getInt("queueDepth") > 0, "calls wait in the queue when the undeploy begins");

        // more calls while it goes: each either answered by the application (and so recorded) or refused by the server
        var more = IntStream.range(0, 200).mapToObj(i -> run + "-b" + i).toList();
        var load = CompletableFuture.runAsync(() -> {
            try {
                Parallel.run(more, token -> created(api, token, sent, answered));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        undeploy(DRAINED); // on this thread: Arquillian's context is the test thread's
        load.get();

        var stored = WriterFaultIT.tokens(run);
        assertTrue(stored.containsAll(answered), () -> "answered but not stored: "
                + answered.stream().filter(token -> !stored.contains(token)).toList());
        assertTrue(sent.containsAll(stored), "nothing stored that was not sent");
        assertTrue(answered.size() >= 100, () -> answered.size() + " calls answered");
    }

    private static void created(Api api, String token, Set<String> sent, Set<String> answered) {
        sent.add(token);
        try {
            if (WriterFaultIT.create(api, token) == 201) {
                answered.add(token);
            }
        } catch (IllegalStateException refusedByTheServer) {
            // the connection was refused or reset as the application went
        }
    }
}
