package io.artifactpipeline.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.artifactpipeline.core.error.StoreUnavailableException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.spi.SchemaManagementException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The connection pool, the migrated schema and Hibernate on top, bootstrapped without a container.
 * Every store operation runs through {@link #transaction}, which is where database errors are translated.
 */
final class Database implements AutoCloseable {
    private final Vendor vendor;
    private final HikariDataSource pool;
    private final SessionFactory sessions;

    private Database(Vendor vendor, HikariDataSource pool, SessionFactory sessions) {
        this.vendor = vendor;
        this.pool = pool;
        this.sessions = sessions;
    }

    static Database open(DatabaseSettings settings, boolean collectStatistics) {
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        HikariDataSource pool = openPool(settings);
        try {
            Migrations.apply(pool, vendor);
            return new Database(vendor, pool, buildSessionFactory(pool, collectStatistics));
        } catch (RuntimeException e) {
            pool.close();
            if (e instanceof IncompatibleSchemaException) {
                throw e;
            }
            if (causedBy(e, SchemaManagementException.class)) {
                throw new IncompatibleSchemaException("the database schema does not match what this build expects: "
                        + rootMessage(e), e);
            }
            if (causedBy(e, SQLException.class)) {
                throw asStartupFailure(e, settings);
            }
            throw e;
        }
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    <R> R transaction(Function<Session, R> work) {
        try {
            return sessions.fromTransaction(work);
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    /**
     * Runs read-only work: entities are loaded without the snapshots Hibernate keeps to detect changes
     * (for JSON content, a deep copy per row) and nothing is flushed at the end.
     */
    <R> R read(Function<Session, R> work) {
        return transaction(session -> {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
            return work.apply(session);
        });
    }

    /** Work on a plain JDBC connection. */
    @FunctionalInterface
    interface SqlWork<R> {
        R apply(Connection connection) throws SQLException;
    }

    /**
     * Runs reads on a pooled connection in auto-commit, outside Hibernate: each statement is one round
     * trip, with no transaction to begin or end and no session to build. For the hot reads, where those
     * were most of the cost.
     */
    <R> R plainRead(SqlWork<R> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true); // the pool restores its own setting when the connection returns
            return work.apply(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(new SqlFailure(e));
        }
    }

    /** A failed plain JDBC statement, on its way to {@link StoreErrors#translate}. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    Vendor vendor() {
        return vendor;
    }

    SessionFactory sessionFactory() {
        return sessions;
    }

    @Override
    public void close() {
        try {
            sessions.close();
        } finally {
            pool.close();
        }
    }

    private static HikariDataSource openPool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 5_000));
        // Hibernate begins and ends every transaction itself; handing out connections with auto-commit off
        // saves a round trip per transaction (see provider_disables_autocommit below).
        config.setAutoCommit(false);
        config.setPoolName("artifact-pipeline");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw asStartupFailure(e, settings);
        }
    }

    private static SessionFactory buildSessionFactory(HikariDataSource pool, boolean collectStatistics) {
        return new HibernatePersistenceConfiguration("artifact-pipeline")
                .managedClasses(ProjectEntity.class, ArtifactEntity.class, AnnotationEntity.class, RevisionEntity.class,
                        GenerationEntity.class, GenerationItemEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                // A generation's rows (artifacts, items) go in one round trip rather than one each.
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 32)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl")
                // Flyway owns the schema; Hibernate only checks that the mapping matches it.
                .schemaToolingAction(Action.VALIDATE)
                .collectStatistics(collectStatistics)
                .createEntityManagerFactory();
    }

    private static StoreUnavailableException asStartupFailure(RuntimeException e, DatabaseSettings settings) {
        return new StoreUnavailableException("cannot open the database at " + settings.jdbcUrl() + ": "
                + rootMessage(e), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
