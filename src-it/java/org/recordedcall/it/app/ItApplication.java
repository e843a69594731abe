package org.recordedcall.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application, mapped as most applications are: below {@code /api}. */
@ApplicationPath("api")
public class ItApplication extends Application {
}
