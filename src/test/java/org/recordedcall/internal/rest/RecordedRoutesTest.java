package org.recordedcall.internal.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which route a refused path belongs to: the most literal template, as the runtime chooses, and only a recorded one. */
class RecordedRoutesTest {

    @Path("items")
    static class Items {
        @GET
        @Path("{id: [0-9]+}")
        public String one() {
            return "";
        }

        @DELETE
        @Path("{id: [0-9]+}")
        public void remove() {
        }
    }

    @Path("items/export")
    static class Export {
        @GET
        public String export() {
            return "";
        }
    }

    static class App {
    }

    private static final RecordedRoutes ROUTES = new RecordedRoutes();

    static {
        try {
            ROUTES.add(App.class, Items.class, Items.class.getMethod("one"), true);
            ROUTES.add(App.class, Items.class, Items.class.getMethod("remove"), false);
            ROUTES.add(App.class, Export.class, Export.class.getMethod("export"), false);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPathOfARecordedTemplateIsItsRouteWithTheTemplatesPatternsKept() {
        assertEquals("/items/{id}", ROUTES.match(App.class, "items/7").template());
        assertEquals("/items/{id}", ROUTES.match(App.class, "/items/7/").template());
        assertNull(ROUTES.match(App.class, "items/seven"), "the pattern is the runtime's: no match, no route");
    }

    @Test
    void aPathAMoreLiteralUnrecordedTemplateMatchesIsNotRecorded() {
        assertNull(ROUTES.match(App.class, "items/export"));
    }

    @Test
    void ofTwoTemplatesAsLiteralTheRecordedOneWins() {
        assertTrue(ROUTES.match(App.class, "items/8").recorded(), "GET recorded, DELETE not: the path is a recorded class's");
    }

    @Test
    void anApplicationIsKnownByItsClassAndByItsName() {
        assertTrue(ROUTES.any(App.class));
        assertFalse(ROUTES.any(Items.class));
        assertEquals("/items/{id}", ROUTES.matchByApplicationName(App.class.getName(), "/items/9").template());
        assertNull(ROUTES.matchByApplicationName("no.such.Application", "/items/9"));
        assertNull(ROUTES.match(null, "/items/9"), "an application the runtime could not tell has routes of its own");
    }
}
