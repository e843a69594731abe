package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.recordedcall.RecordedCall;

/** The echo endpoints, recorded. */
@RequestScoped
@RecordedCall
@Path("echo")
public class RecordedEcho extends EchoEndpoints {
}
