package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A redeploy keeps the recorded rows. On Payara Micro a redeploy is a new server on the same
 * root directory (and H2 file); on WildFly the same server, its in-memory H2 outliving the app.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class RedeployIT {

    private static final String APP = "redeployed";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void rowsRecordedBeforeARedeployAreStillThereAfterIt() throws Exception {
        var api = new Api(new URL("http://localhost:" + System.getProperty("recordedcall.it.port") + "/it/"));
        var before = "before-" + UUID.randomUUID();
        var after = "after-" + UUID.randomUUID();

        deployer.deploy(APP);
        try {
            assertEquals(200, api.get("api/orders/1", before).statusCode());
            api.awaitRow(before);
        } finally {
            deployer.undeploy(APP);
        }
        deployer.deploy(APP);
        try {
            assertEquals(200, api.get("api/orders/2", after).statusCode());
            api.awaitRow(after);
            assertEquals(1, api.rows("correlation_id", before).size(), "the row from before the redeploy is kept");
        } finally {
            deployer.undeploy(APP);
        }
    }
}
