package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** The same echo endpoints, not recorded: the twin each recorded response is compared with. */
@RequestScoped
@Path("echo-unrecorded")
public class UnrecordedEcho extends EchoEndpoints {
}
