package org.recordedcall.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, started by the test for one page: it loads the page, runs its
 * scripts (their requests included) for a while, and prints the document as it then is.
 * Installed by {@code apt-get install chromium} ({@code .ci/run} does it).
 */
final class Chromium {

    private static final String BINARY = "/usr/bin/chromium";

    private Chromium() {
    }

    /** The page's document after its scripts ran for up to {@code millis} of virtual time. */
    static String dom(String url, int millis) {
        return run(url, millis, "--dump-dom");
    }

    private static String run(String url, int millis, String what) {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: the dashboard test needs Debian's Chromium "
                    + "(apt-get install -y chromium; .ci/run installs it)");
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium");
            var command = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=" + millis, what, url));
            var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish with " + url);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run Chromium: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(profile);
        }
    }

    /** Chromium's profile for one run, which it fills with caches. */
    private static void delete(Path profile) {
        if (profile == null) {
            return;
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory under target/: the next mvn clean takes it
        }
    }
}
