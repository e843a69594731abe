package org.recordedcall.it.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.RecordedCall;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** A recorded resource that fails in every way the error envelope maps. */
@RequestScoped
@RecordedCall
@Path("errors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErrorsResource {

    /** A new item; both fields checked by Bean Validation. */
    public static class Item {
        @NotBlank
        public String name;
        @Min(1)
        public int count;
    }

    /** A parcel whose label the constructor requires. */
    public record Parcel(String label, int weight) {
        public Parcel {
            Objects.requireNonNull(label, "label is required");
        }
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @GET
    @Path("crash/{id}")
    public String crash(@PathParam("id") String id) {
        throw new IllegalStateException("internal detail: ledger " + id + " is inconsistent");
    }

    @POST
    @Path("items")
    public Item create(@Valid Item item) {
        return item;
    }

    @GET
    @Path("items")
    public List<Item> list(@Min(1) @QueryParam("qty") int quantity, @QueryParam("tag") String tag) {
        return List.of();
    }

    @POST
    @Path("parcels")
    public Parcel send(Parcel parcel) {
        return parcel;
    }

    @GET
    @Path("database")
    public String database() throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeQuery("select * from no_such_table_of_the_application");
            return "unreachable";
        }
    }

    @GET
    @Path("missing/{id}")
    public String missing(@PathParam("id") String id) {
        throw new NotFoundException("no item " + id);
    }
}
