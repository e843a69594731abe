package org.recordedcall.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.it.app.EventLog;
import org.recordedcall.it.app.InspectionResource;
import org.recordedcall.it.app.ItApplication;
import org.recordedcall.it.app.LibraryLog;
import org.recordedcall.it.typical.ShopApplication;
import org.recordedcall.it.typical.Task;

import java.io.File;
import java.util.Map;

/** Builds the test application the way a user ships one: their classes, and the library jar in WEB-INF/lib. */
public final class Deployments {

    private Deployments() {
    }

    /** The packaged library jar, as built by {@code mvn package}. */
    public static File libraryJar() {
        var path = System.getProperty("recordedcall.it.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("the library jar is not built (recordedcall.it.jar=" + path
                    + "); run the integration tests through 'mvn verify'");
        }
        return new File(path);
    }

    /** The JNDI name under which the scaled-out application defines its PostgreSQL datasource. */
    public static final String POSTGRES_DATASOURCE = "java:app/jdbc/recorded-calls";

    /**
     * The test application as one instance of a scaled-out API: it defines a PostgreSQL
     * datasource (driver in WEB-INF/lib) and points the recorder at it with the one setting,
     * in its own MicroProfile Config file.
     */
    public static WebArchive onPostgres(String name) {
        return onPostgres(name, Map.of());
    }

    /** The same, with more recorder settings in its MicroProfile Config file. */
    public static WebArchive onPostgres(String name, Map<String, String> settings) {
        Postgres.ensureSchema();
        return onPostgres(name, settings, Postgres.url());
    }

    /** The same, on the database (or schema) of another JDBC URL. */
    public static WebArchive onPostgres(String name, Map<String, String> settings, String url) {
        var webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>%s</name>
                    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                    <url>%s</url>
                    <user>%s</user>
                    <password>%s</password>
                    <transactional>true</transactional>
                    <initial-pool-size>1</initial-pool-size>
                    <min-pool-size>1</min-pool-size>
                    <max-pool-size>20</max-pool-size>
                %s  </data-source>
                </web-app>
                """.formatted(POSTGRES_DATASOURCE, url, Postgres.USER, Postgres.PASSWORD, poolValidation());
        var config = new StringBuilder(RecordedCallSettings.DATASOURCE + "=" + POSTGRES_DATASOURCE + "\n");
        if (!Postgres.partitions().isEmpty() && !settings.containsKey(RecordedCallSettings.SCHEMA_PARTITIONS)) {
            config.append(RecordedCallSettings.SCHEMA_PARTITIONS).append('=').append(Postgres.partitions()).append('\n');
        }
        settings.forEach((key, value) -> config.append(key).append('=').append(value).append('\n'));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(ItApplication.class.getPackage())
                .addAsLibrary(libraryJar())
                .addAsLibrary(Postgres.driverJar())
                .setWebXML(new StringAsset(webXml))
                .addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties");
    }

    /**
     * What a production pool needs to come back after the database restarts: Payara checks a
     * connection before handing it out (and drops them all once one is dead). WildFly reads no
     * such settings from a {@code <data-source>}: its pools are checked where the server defines them.
     */
    private static String poolValidation() {
        if (!onPayara()) {
            return "";
        }
        return """
                    <property><name>fish.payara.is-connection-validation-required</name><value>true</value></property>
                    <property><name>fish.payara.connection-validation-method</name><value>custom-validation</value></property>
                    <property><name>fish.payara.validation-classname</name><value>org.glassfish.api.jdbc.validation.PostgresConnectionValidation</value></property>
                    <property><name>fish.payara.fail-all-connections</name><value>true</value></property>
                """;
    }

    /** Whether this run of the integration tests is the one on Payara Micro. */
    public static boolean onPayara() {
        return String.valueOf(System.getProperty("arquillian.xml")).contains("payara");
    }

    /**
     * A typical application ({@link ShopApplication}): its own persistence unit on the
     * server's default datasource, EJB and CDI resources, recorded whole by the setting; plus
     * the tests' inspection resource (never recorded).
     */
    public static WebArchive typical() {
        var persistence = """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="shop" transaction-type="JTA">
                    <class>%s</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(Task.class.getName());
        return ShrinkWrap.create(WebArchive.class, "typical.war")
                .addPackage(ShopApplication.class.getPackage())
                .addClasses(InspectionResource.class, EventLog.class, LibraryLog.class)
                .addAsLibrary(libraryJar())
                .addAsResource(new StringAsset(persistence), "META-INF/persistence.xml")
                .addAsResource(new StringAsset(RecordedCallSettings.APPLICATIONS + "=" + ShopApplication.class.getName() + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    /** The test application, with no beans.xml: bean discovery in annotated mode, the EE default. */
    public static WebArchive application() {
        return application("it", Map.of());
    }

    /**
     * The test application with these settings on the default datasource, or, in the run of the
     * PostgreSQL suite on the partitioned table, on that table.
     */
    public static WebArchive onTheSuitesStore(String name, Map<String, String> settings) {
        return Postgres.partitions().isEmpty() ? application(name, settings) : onPostgres(name, settings);
    }

    /** The test application under another name, with recorder settings in its MicroProfile Config file. */
    public static WebArchive application(String name, Map<String, String> settings) {
        var archive = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(ItApplication.class.getPackage())
                .addAsLibrary(libraryJar());
        if (!settings.isEmpty()) {
            var config = new StringBuilder();
            settings.forEach((key, value) -> config.append(key).append('=').append(value).append('\n'));
            archive.addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties");
        }
        return archive;
    }
}
