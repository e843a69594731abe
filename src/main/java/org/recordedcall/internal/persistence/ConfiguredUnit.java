package org.recordedcall.internal.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The library's persistence unit on a datasource chosen by setting, described to the JPA
 * provider through the standard container contract: the same entity as the
 * shipped unit, a JTA datasource found by JNDI name.
 */
final class ConfiguredUnit implements PersistenceUnitInfo {

    private final String providerClass;
    private final DataSource dataSource;

    ConfiguredUnit(String providerClass, DataSource dataSource) {
        this.providerClass = providerClass;
        this.dataSource = dataSource;
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
        // not the shipped unit's name: EclipseLink would hand back the shipped unit's session,
        // which it caches by root URL and name, and write to the default datasource
        return CallStore.UNIT + "-configured";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return providerClass;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.JTA;
    }

    @Override
    public DataSource getJtaDataSource() {
        return dataSource;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return null;
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
        // JDBC batching of the writer's inserts, as the shipped persistence.xml sets it
        properties.setProperty("eclipselink.jdbc.batch-writing", "JDBC");
        properties.setProperty("hibernate.jdbc.batch_size", "100");
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
