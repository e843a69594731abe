package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Partitioning;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The library's persistence unit on a table made from the shipped H2 DDL, in an in-memory H2; JTA swapped for SE. */
final class H2Unit implements AutoCloseable {

    final String url;
    final EntityManagerFactory factory;
    final JdbcDataSource database;

    H2Unit() {
        this("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** Another unit on the same database: the schema is installed again, as at a redeploy. */
    H2Unit(String url) {
        this.url = url;
        database = new JdbcDataSource();
        database.setURL(url);
        database.setUser("sa");
        try {
            SchemaInstaller.install(database, Partitioning.NONE);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        var provider = new HibernatePersistenceProvider();
        factory = provider.createContainerEntityManagerFactory(
                LibraryUnit.resourceLocal(provider.getClass().getName(), database), Map.of());
    }

    /** Inserts the calls as the writer does, in one transaction. */
    void insert(CallRecord... calls) {
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            RowWriter.insert(connection, List.of(calls));
            connection.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    <T> T read(Function<EntityManager, T> work) {
        var entities = factory.createEntityManager();
        try {
            return work.apply(entities);
        } finally {
            entities.close();
        }
    }

    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }
}
