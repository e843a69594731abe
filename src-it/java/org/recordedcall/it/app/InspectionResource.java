package org.recordedcall.it.app;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCalls;
import org.recordedcall.RecorderStatus;
import org.recordedcall.WriterStatus;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Lets the tests see what is really in the database: rows by SQL, calls through the public
 * reader, events. Never recorded itself, also where its application is recorded whole.
 */
@org.recordedcall.NotRecorded
@jakarta.enterprise.context.RequestScoped
@Path("_it")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionResource {

    private static final Set<String> SEARCHABLE = Set.of("id", "correlation_id", "operation", "kind");

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource defaultDatabase;

    @Inject
    RecordedCalls calls;

    @Inject
    EventLog events;

    @Inject
    RecorderStatus status;

    @Inject
    org.recordedcall.internal.persistence.CallStore store;

    /** Where the recorder stores: the PostgreSQL datasource a deployment on PostgreSQL defines, else the default one. */
    private DataSource database() {
        try {
            return (DataSource) new javax.naming.InitialContext().lookup("java:app/jdbc/recorded-calls");
        } catch (javax.naming.NamingException none) {
            return defaultDatabase;
        }
    }

    /** Rows of RECORDED_CALL where a column equals a value, every column by its SQL name. */
    @GET
    @Path("rows")
    public List<Map<String, String>> rows(@QueryParam("column") String column, @QueryParam("value") String value,
                                          @QueryParam("argumentsContain") String argumentsContain) throws SQLException {
        if (!SEARCHABLE.contains(column)) {
            throw new BadRequestException("column must be one of " + SEARCHABLE);
        }
        var sql = "select * from RECORDED_CALL where " + column + " = ?"
                + (argumentsContain == null ? "" : " and arguments like ?");
        try (var connection = database().getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            if (argumentsContain != null) {
                statement.setString(2, "%" + argumentsContain + "%");
            }
            try (var rows = statement.executeQuery()) {
                var meta = rows.getMetaData();
                var list = new ArrayList<Map<String, String>>();
                while (rows.next()) {
                    var row = new LinkedHashMap<String, String>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), rows.getString(i));
                    }
                    list.add(row);
                }
                return list;
            }
        }
    }

    @GET
    @Path("calls/{id}")
    public CallRecord call(@PathParam("id") String id) {
        return calls.find(id).orElseThrow(() -> new NotFoundException("no call " + id));
    }

    @GET
    @Path("calls")
    public List<CallRecord> latest(@QueryParam("limit") int limit) {
        return calls.latest(limit);
    }

    /** How the library writes its batches now (its internals: COPY or INSERT), as text. */
    @GET
    @Path("statement")
    @Produces(MediaType.TEXT_PLAIN)
    public String statement() {
        return String.valueOf(store.statement());
    }

    /**
     * H2's plans for the pages the query API asks for, in each order, after a cursor and with
     * filters, as the server's JPA provider writes them; 404 on another database.
     */
    @GET
    @Path("plans")
    public List<String> plans() throws SQLException {
        try (var connection = database().getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                throw new NotFoundException("the recorder's database is " + connection.getMetaData().getDatabaseProductName());
            }
            return QueryPlans.ofSortedReads(connection, () -> QueryPlans.askForEachPage(calls::find, "/api/orders/{id}", 200,
                    java.time.Instant.now().minusSeconds(60)));
        }
    }

    @GET
    @Path("log")
    public List<LibraryLog.Entry> log(@QueryParam("containing") String text) {
        return LibraryLog.containing(text == null ? "" : text);
    }

    @GET
    @Path("writer")
    public WriterStatus writer() {
        return status.writer();
    }

    @GET
    @Path("events")
    public List<EventLog.Seen> events(@QueryParam("correlationId") String correlationId) {
        return events.of(correlationId);
    }

    /**
     * Stores {@code count} calls that started {@code days} ago, straight into the table, as
     * if they had been recorded then: for the retention purge to find.
     */
    @POST
    @Path("rows/aged")
    public int aged(@QueryParam("mark") String mark, @QueryParam("count") int count, @QueryParam("days") int days)
            throws SQLException {
        var sql = "insert into RECORDED_CALL (id, correlation_id, kind, request_body_truncated, response_body_truncated,"
                + " started_at, ended_at, duration_nanos, outcome) values (?, ?, 'HTTP', false, false, ?, ?, 1000, 'SUCCESS')";
        try (var connection = database().getConnection(); var statement = connection.prepareStatement(sql)) {
            var started = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(days);
            for (int i = 0; i < count; i++) {
                statement.setString(1, java.util.UUID.randomUUID().toString());
                statement.setString(2, mark + "-" + i);
                statement.setObject(3, started.plusSeconds(i));
                statement.setObject(4, started.plusSeconds(i));
                statement.executeUpdate();
            }
        }
        return count;
    }

    /**
     * Signs a browser in, as a login page would: sets the cookie {@link TestLogin} reads and
     * sends the browser on to {@code then} (a path of this application).
     */
    @GET
    @Path("login")
    public jakarta.ws.rs.core.Response login(@QueryParam("as") String login, @QueryParam("then") String then,
                                             @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request) {
        if (login == null || then == null || !then.startsWith("/")) {
            throw new BadRequestException("as and then (a path) are required");
        }
        // a relative Location, so the browser stays on the host it came by (a server may name another)
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.SEE_OTHER)
                .header("Location", request.getContextPath() + then)
                .header("Set-Cookie", TestLogin.COOKIE + "=" + login + "; Path=/")
                .build();
    }
}
