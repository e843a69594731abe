package org.recordedcall.internal.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import org.recordedcall.internal.config.Settings;

import java.sql.SQLException;
import java.time.Instant;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where records are stored: the server's default datasource, or the one that
 * {@code recordedcall.datasource} names, which the writer inserts into with JDBC, and the
 * library's persistence unit on it ({@link LibraryUnit}, bootstrapped through the server's JPA
 * provider), through which records are read and purged. Also makes sure the table exists
 * before the first write.
 */
@Singleton
public class StoreUnit {

    static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";
    private static final System.Logger LOG = System.getLogger(StoreUnit.class.getName());

    private final Settings settings;
    private EntityManagerFactory factory;
    private volatile DataSource dataSource;
    private volatile String databaseProduct;
    private volatile boolean schemaChecked;

    @Inject
    public StoreUnit(Settings settings) {
        this.settings = settings;
    }

    /** The factory of entity managers for the records. */
    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            factory = bootstrap(datasourceName(), dataSource(), databaseProduct);
        }
        return factory;
    }

    /**
     * At start-up: the table and the unit, so that neither waits for the first write, which
     * may come only as the application stops, when the server's JPA provider is already gone.
     * What fails here is tried again at the first write.
     */
    public void prepare() {
        advise();
        ensureSchema();
        makePartitions(Instant.now());
        try {
            warmUp();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not set up the store on " + datasourceName()
                    + " (" + e + "); trying again at the first write.", e);
        }
    }

    /**
     * Makes the provider deploy the unit now (EclipseLink does it at the first entity manager):
     * deployed first during the shutdown drain (which reads, to check a retried call), it
     * failed on Payara. A unit that
     * could not be deployed is bootstrapped again at the next write.
     */
    private synchronized void warmUp() {
        var made = factory();
        try {
            made.createEntityManager().close();
        } catch (RuntimeException e) {
            factory = null;
            made.close();
            throw e;
        }
    }

    /** Creates the table if it is missing and the settings allow; once per application. */
    public void ensureSchema() {
        if (schemaChecked) {
            return;
        }
        synchronized (this) {
            if (schemaChecked || !settings.createSchema()) {
                schemaChecked = true;
                return;
            }
            var name = datasourceName();
            try {
                var database = dataSource();
                databaseProduct = product(database);
                var ddl = SchemaInstaller.install(database, settings.partitions());
                LOG.log(System.Logger.Level.INFO, "recorded-call: table RECORDED_CALL is ready on {0} ({1})", name, ddl);
            } catch (SQLException e) {
                // the database may be down for now: tried again before the next write
                LOG.log(System.Logger.Level.WARNING, "recorded-call: could not create table RECORDED_CALL on " + name
                        + " (" + e.getMessage() + "); trying again before the next write.", e);
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: could not create table RECORDED_CALL on " + name
                        + ": " + e.getMessage() + ". Create it from the DDL in the jar's " + SchemaInstaller.DDL_FOLDER
                        + " and set recordedcall.schema.create=false.", e);
            }
            schemaChecked = true;
        }
    }

    /** The datasource the records are stored in, looked up once. */
    public DataSource dataSource() {
        var found = dataSource;
        if (found == null) {
            found = dataSource(datasourceName());
            dataSource = found;
        }
        return found;
    }

    /**
     * Makes the partitions ahead of {@code now}, where the table is partitioned on PostgreSQL and
     * the settings ask for partitions; outside any transaction (at start-up, on the scheduled task).
     * What fails is logged: calls land in the default partition until a later run makes them.
     */
    void makePartitions(Instant now) {
        if (!settings.partitions().partitioned()) {
            return;
        }
        try {
            if (postgres()) {
                Partitions.makeAhead(dataSource(), settings.partitions(), now);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not make the partitions of RECORDED_CALL ahead ("
                    + e + "); calls land in its default partition until the next run of the scheduled task makes them", e);
        }
    }

    /** Drops the partitions wholly before {@code cutoff}, where the table is partitioned. */
    Partitions.Dropped dropPartitions(Instant cutoff) throws SQLException {
        return postgres() ? Partitions.dropBefore(dataSource(), cutoff) : Partitions.Dropped.NONE;
    }

    /** Whether the records' database is PostgreSQL. */
    private boolean postgres() throws SQLException {
        var product = databaseProduct;
        if (product == null) {
            product = product(dataSource());
            databaseProduct = product;
        }
        return SchemaInstaller.isPostgres(product);
    }

    /** Whether the datasource hands out a working connection. */
    public boolean reachable() {
        try (var connection = dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private String datasourceName() {
        return settings.datasource() == null ? DEFAULT_DATASOURCE : settings.datasource();
    }

    private static String product(DataSource database) throws SQLException {
        try (var connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    /** At start-up, once: what the records' database needs told, where it does (an H2 that reuses stale results). */
    private void advise() {
        try (var connection = dataSource().getConnection()) {
            var about = connection.getMetaData();
            var advice = H2ResultReuse.advice(about.getDatabaseProductName(), about.getDatabaseProductVersion());
            if (advice != null) {
                LOG.log(System.Logger.Level.INFO, advice);
            }
        } catch (SQLException | RuntimeException unreachable) {
            // the database may be down for now: the schema's check says so
        }
    }

    private static EntityManagerFactory bootstrap(String datasource, DataSource database, String databaseProduct) {
        var providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
        if (providers.isEmpty()) {
            throw new IllegalStateException("recorded-call: the server offers no JPA provider");
        }
        var provider = providers.get(0);
        LOG.log(System.Logger.Level.INFO, "recorded-call: storing records on {0} through {1}",
                datasource, provider.getClass().getName());
        return provider.createContainerEntityManagerFactory(
                LibraryUnit.jta(provider.getClass().getName(), database),
                LibraryUnit.integration(provider.getClass().getName(), databaseProduct));
    }

    private static DataSource dataSource(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("recorded-call: no datasource at " + name + " (" + e + "); check "
                    + "the setting recordedcall.datasource and the server's datasource definition", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
    }
}
