package org.recordedcall.demo.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.recordedcall.NotRecorded;
import org.recordedcall.demo.UnrecordedOrdersResource;

/**
 * Benchmark only: the unrecorded orders endpoints once more, marked {@code @NotRecorded}, so the
 * library gives this class no interceptor binding, while {@link UnrecordedOrdersResource} gets
 * it as every resource does. Section 1c compares the two: what an endpoint no call records pays.
 * Its path sorts just before {@code unseen} in Jersey's routing (one character longer), so the
 * bound endpoint pays one failed route match more than this one, not fewer.
 */
@ApplicationScoped
@NotRecorded
@Path("skipped")
public class SkippedOrdersResource extends UnrecordedOrdersResource {
}
