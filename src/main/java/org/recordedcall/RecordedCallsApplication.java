package org.recordedcall;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.recordedcall.internal.api.ApiFailures;
import org.recordedcall.internal.api.ApiGate;
import org.recordedcall.internal.api.ApiHeaders;
import org.recordedcall.internal.api.CallsResource;
import org.recordedcall.internal.api.DashboardResource;

import java.util.Set;

/**
 * The query API and the dashboard, a Jakarta REST application of its own below
 * {@code /recorded-calls}: off unless {@link RecordedCallSettings#API_ENABLED} is set, and
 * then only for callers in the role {@link RecordedCallSettings#API_ROLE}. Its calls are never
 * recorded. To serve it elsewhere, map the servlet of this class's name in {@code web.xml},
 * as Jakarta REST provides for any application:
 *
 * <pre>{@code
 * <servlet>
 *   <servlet-name>org.recordedcall.RecordedCallsApplication</servlet-name>
 * </servlet>
 * <servlet-mapping>
 *   <servlet-name>org.recordedcall.RecordedCallsApplication</servlet-name>
 *   <url-pattern>/ops/calls/*</url-pattern>
 * </servlet-mapping>
 * }</pre>
 */
@ApplicationPath("recorded-calls")
public class RecordedCallsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiGate.class, ApiHeaders.class, CallsResource.class, DashboardResource.class, ApiFailures.class);
    }
}
