package org.recordedcall.it.wide;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application recorded whole because the setting names it (recordedcall.applications). */
@ApplicationPath("listed")
public class ListedApplication extends Application {
}
