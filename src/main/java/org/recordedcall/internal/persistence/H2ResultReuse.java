package org.recordedcall.internal.persistence;

/**
 * H2 before 2.3.232 (Payara 6 and WildFly 39 ship 2.2.224) can answer a query that one
 * connection repeats with the result it kept from before the latest commit, until the table is
 * written again (H2 issue 3894, fixed by its pull request 4095). A reader that polls for the
 * newest call on pooled connections, as the query API, the dashboard or a test does, can then
 * miss that call until the next one is stored. H2's setting {@code OPTIMIZE_REUSE_RESULTS=FALSE} in
 * the URL turns that reuse off (the system property {@code h2.optimizeReuseResults} did not, in a
 * reproduction against 2.2.224). Whether a URL sets it cannot be read back through JDBC (H2
 * reports its URL without settings, and lists no such setting), so the advice says so.
 */
final class H2ResultReuse {

    private static final int[] FIXED_IN = {2, 3, 232};

    private H2ResultReuse() {
    }

    /**
     * What to tell the user about the records' database, as its JDBC driver names it and its
     * version; {@code null} when it is not an H2 that has the race.
     */
    static String advice(String product, String version) {
        if (!SchemaInstaller.isH2(product) || version == null || !before(version, FIXED_IN)) {
            return null;
        }
        return "recorded-call: the records are on H2 " + version.split(" ")[0] + ", which can answer a query a "
                + "connection repeats with its result from before the latest commit, until the next write (H2 issue "
                + "3894, fixed in 2.3.232): the query API and the dashboard may not show the newest call until another "
                + "is stored, unless the datasource's URL sets ;OPTIMIZE_REUSE_RESULTS=FALSE (which JDBC does not show): "
                + "add that (as a user with admin rights, as the servers' default datasources are), or use H2 2.3.232 "
                + "or later.";
    }

    /** Whether a version such as {@code 2.2.224 (2023-09-17)} comes before {@code fixed}; unreadable ones do not. */
    private static boolean before(String version, int[] fixed) {
        var parts = version.trim().split("[^0-9]+", fixed.length + 1);
        for (int i = 0; i < fixed.length; i++) {
            if (i >= parts.length || parts[i].isEmpty() || parts[i].length() > 9) {
                return false;
            }
            var part = Integer.parseInt(parts[i]);
            if (part != fixed[i]) {
                return part < fixed[i];
            }
        }
        return false;
    }
}
