package org.recordedcall.it.wide;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.recordedcall.RecordedCall;

/** An application recorded whole by its annotation, with a secret name of its own; it scans for resources. */
@RecordedCall(masked = "pin")
@ApplicationPath("wide")
public class WideApplication extends Application {
}
