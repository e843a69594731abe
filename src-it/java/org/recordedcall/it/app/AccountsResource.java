package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.RecordedCall;

import java.util.Map;

/** Endpoints that carry secrets everywhere a call has room for them: headers, query, JSON, form, arguments, result. */
@RequestScoped
@RecordedCall
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** A login in JSON, with a secret nested in it; answers a session carrying a token. */
    public static class Login {
        public String user;
        public String password;
        public Map<String, String> profile;
    }

    public static class Session {
        public String user;
        public String accessToken;
        public Map<String, Object> card;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Session login(Login login) {
        var session = new Session();
        session.user = login.user;
        session.accessToken = "tok-" + login.password;
        session.card = Map.of("creditCardNumber", "4111-" + login.password, "holder", login.user);
        return session;
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@FormParam("user") String user, @FormParam("password") String password) {
        return "{\"user\":\"" + user + "\"}";
    }

    @GET
    @Path("{user}")
    public Map<String, String> find(@PathParam("user") String user, @QueryParam("apiKey") String apiKey,
                                    @HeaderParam("X-Auth-Token") String token) {
        return Map.of("user", user);
    }

    /** A name only this endpoint treats as a secret. */
    @POST
    @Path("pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @RecordedCall(masked = "pin")
    public Response pin(Map<String, String> body, @HeaderParam("X-Pin") String pin) {
        return Response.ok(Map.of("pin", body.get("pin"), "user", body.get("user")))
                .header("X-Pin-Echo", pin).build();
    }
}
