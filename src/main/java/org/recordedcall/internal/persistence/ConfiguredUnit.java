package org.recordedcall.internal.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
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
     * What the server itself would tell its provider so that the unit takes part in JTA
     * transactions. Hibernate finds WildFly's transaction manager by itself; EclipseLink must be
     * told it runs on a GlassFish-family server (Payara).
     */
    static Map<String, Object> integration(String providerClass) {
        if (providerClass.startsWith("org.eclipse.persistence") && System.getProperty("com.sun.aas.instanceRoot") != null) {
            return Map.of("eclipselink.target-server", "Glassfish");
        }
        return Map.of();
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
