package org.recordedcall.internal.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The library's persistence unit, described to the server's JPA provider through the standard
 * container contract ({@code PersistenceProvider.createContainerEntityManagerFactory}) rather than
 * a {@code META-INF/persistence.xml}: a unit declared in a jar of {@code WEB-INF/lib} joins the
 * application's own units, and on Payara an application's unqualified
 * {@code @PersistenceContext} then no longer deploys. Bootstrapped here, the unit is visible to
 * the library alone.
 */
final class LibraryUnit implements PersistenceUnitInfo {

    private final String providerClass;
    private final DataSource dataSource;
    private final PersistenceUnitTransactionType transactions;

    private LibraryUnit(String providerClass, DataSource dataSource, PersistenceUnitTransactionType transactions) {
        this.providerClass = providerClass;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** The unit on a JTA datasource of the server, as the library runs it. */
    static LibraryUnit jta(String providerClass, DataSource dataSource) {
        return new LibraryUnit(providerClass, dataSource, PersistenceUnitTransactionType.JTA);
    }

    /** The same unit with local transactions, for a JPA provider outside a server (the unit tests). */
    static LibraryUnit resourceLocal(String providerClass, DataSource dataSource) {
        return new LibraryUnit(providerClass, dataSource, PersistenceUnitTransactionType.RESOURCE_LOCAL);
    }

    /**
     * What the server itself would tell its provider: that the unit takes part in JTA
     * transactions (Hibernate finds WildFly's transaction manager by itself; EclipseLink must be
     * told it runs on a GlassFish-family server, Payara), and which database it talks to.
     */
    static Map<String, Object> integration(String providerClass, String databaseProduct) {
        var properties = new HashMap<String, Object>();
        if (providerClass.startsWith("org.eclipse.persistence") && System.getProperty("com.sun.aas.instanceRoot") != null) {
            properties.put("eclipselink.target-server", "Glassfish");
        }
        if (databaseProduct != null) {
            // known from start-up: Hibernate then needs no connection to pick its dialect, so a
            // database that is down at the first write does not fail the unit
            properties.put("jakarta.persistence.database-product-name", databaseProduct);
        }
        return properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return CallStore.UNIT;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return providerClass;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return transactions;
    }

    @Override
    public DataSource getJtaDataSource() {
        return transactions == PersistenceUnitTransactionType.JTA ? dataSource : null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return transactions == PersistenceUnitTransactionType.JTA ? null : dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return RecordedCallEntity.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return List.of(RecordedCallEntity.class.getName());
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        var properties = new Properties();
        // no class transformer is registered, so the entity is used as compiled
        properties.setProperty("eclipselink.weaving", "false");
        // no schema generation by the provider: the library runs its own IF NOT EXISTS DDL
        // (META-INF/recorded-call/), the same on every provider, never dropping a row
        properties.setProperty("jakarta.persistence.schema-generation.database.action", "none");
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return RecordedCallEntity.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off: nothing to transform
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}
