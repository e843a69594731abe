package org.recordedcall.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.recordedcall.it.app.ItApplication;

import java.io.File;

/** Builds the test application the way a user ships one: their classes, and the library jar in WEB-INF/lib. */
public final class Deployments {

    private Deployments() {
    }

    /** The packaged library jar, as built by {@code mvn package}. */
    public static File libraryJar() {
        var path = System.getProperty("recordedcall.it.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("the library jar is not built (recordedcall.it.jar=" + path
                    + "); run the integration tests through 'mvn verify'");
        }
        return new File(path);
    }

    /** The test application, with no beans.xml: bean discovery in annotated mode, the EE default. */
    public static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "it.war")
                .addPackage(ItApplication.class.getPackage())
                .addAsLibrary(libraryJar());
    }
}
