package org.recordedcall.internal.api;

import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an application that scans its libraries for Jakarta REST classes takes in from the jar:
 * no resource at all, and only the providers that are meant to join it (they do nothing in an
 * application that records nothing).
 */
class NothingLeaksTest {

    private static List<Class<?>> libraryClasses() throws Exception {
        var root = java.nio.file.Path.of(ApiServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var classes = new ArrayList<Class<?>>();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, ApiServlet.class.getClassLoader()));
            }
        }
        assertTrue(classes.size() > 50, "the library's classes were found: " + classes.size());
        return classes;
    }

    @Test
    void noClassOfTheLibraryIsAResource() throws Exception {
        var resources = libraryClasses().stream().filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class)).toList();

        assertEquals(List.of(), resources);
    }

    @Test
    void onlyTheRecordingProvidersJoinTheApplication() throws Exception {
        var providers = libraryClasses().stream().filter(type -> type.isAnnotationPresent(Provider.class))
                .map(Class::getSimpleName).sorted().toList();

        assertEquals(List.copyOf(Set.of("ErrorEnvelopeFeature", "RecordedCallFeature", "UnmatchedCallFilter"))
                .stream().sorted().toList(), providers);
    }
}
