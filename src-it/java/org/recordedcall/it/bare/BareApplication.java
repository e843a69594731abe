package org.recordedcall.it.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.recordedcall.RecordedCall;

/** An application recorded whole, in an archive where nothing carries a bean-defining annotation. */
@RecordedCall
@ApplicationPath("bare")
public class BareApplication extends Application {
}
