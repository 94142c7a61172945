package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.ContractStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database for one test class: created before its tests, dropped after them.
 * Where no PostgreSQL answers, the tests are skipped with a message saying so, except under CI
 * ({@code CI=true}), where that is a failure: CI must never go green without having run them.
 * <p>
 * The server is {@code jdbc:postgresql://127.0.0.1:5432/} as user {@code postgres} unless
 * {@code ARTIFACT_TEST_PG_URL} (a URL ending in {@code /}), {@code ARTIFACT_TEST_PG_USER} and
 * {@code ARTIFACT_TEST_PG_PASSWORD} say otherwise.
 */
final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final String SERVER = env("ARTIFACT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("ARTIFACT_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("ARTIFACT_TEST_PG_PASSWORD", "");

    private String name;
    private JpaStorage sharedStorage;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        try (Connection admin = adminConnection()) {
            name = "ap_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Statement statement = admin.createStatement()) {
                statement.execute("create database " + name);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (sharedStorage != null) {
            sharedStorage.close();
            sharedStorage = null;
        }
        if (name == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The test database, with a pool of the given size. */
    DatabaseSettings settings(int poolSize) {
        return settings(poolSize, DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    DatabaseSettings settings(int poolSize, Duration connectionTimeout) {
        return new DatabaseSettings(jdbcUrl(), USER, PASSWORD, poolSize, connectionTimeout);
    }

    String jdbcUrl() {
        if (name == null) {
            throw new IllegalStateException("the database exists only while the test class runs");
        }
        return SERVER + name;
    }

    /** A plain connection to the test database, for setting up and checking behind the adapter's back. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /**
     * The store ports over this database, emptied: one storage for the whole class (closed with the
     * database), for the core's contract suites, which claim "the oldest queued generation" and so need
     * no leftovers of other tests.
     */
    ContractStores emptyStores() {
        if (sharedStorage == null) {
            sharedStorage = JpaStorage.open(settings(4));
        }
        try {
            truncateAll();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ContractStores.of(sharedStorage, sharedStorage.usageLedger());
    }

    /** Empties every table, for tests that need an empty store but share one database. */
    void truncateAll() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("truncate generation_item, generation, revision, annotation, artifact, project, token_usage");
        }
    }

    /** Ends every connection to the test database and drops it, as a crashed or vanished server would. */
    void kill() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
        name = null;
    }

    private static Connection adminConnection() {
        try {
            return DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        } catch (SQLException e) {
            String message = "no PostgreSQL answers at " + SERVER + " as user " + USER + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so this is a failure, not a skip", e);
            }
            System.err.println("[PostgresDatabase] " + message + "; skipping the PostgreSQL tests");
            Assumptions.abort(message + "; skipping the PostgreSQL tests (they fail instead when CI=true)");
            throw new AssertionError("unreachable");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
