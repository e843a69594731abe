package org.recordedcall.it.typical;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * A typical application as teams build one, with no annotation of the recorder: recorded
 * whole by the setting {@code recordedcall.applications}. Its classes are found by scanning.
 */
@ApplicationPath("api")
public class ShopApplication extends Application {
}
