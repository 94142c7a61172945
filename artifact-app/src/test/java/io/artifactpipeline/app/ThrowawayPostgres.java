package io.artifactpipeline.app;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database created for one test class and dropped after. When no PostgreSQL answers,
 * tests are skipped with a message saying so, except under CI ({@code CI=true}), where that is a failure.
 */
final class ThrowawayPostgres implements AutoCloseable {
    static final String ADMIN_URL = System.getenv().getOrDefault("ARTIFACT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("ARTIFACT_TEST_PG_USER", "postgres");

    private final String name = "ap_app_" + UUID.randomUUID().toString().replace("-", "");

    private ThrowawayPostgres() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, null);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    static ThrowawayPostgres createOrSkip() {
        try {
            return new ThrowawayPostgres();
        } catch (SQLException unreachable) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but PostgreSQL at " + ADMIN_URL + " is unreachable", unreachable);
            }
            Assumptions.abort("PostgreSQL at " + ADMIN_URL + " is unreachable (" + unreachable.getMessage()
                    + "); skipping PostgreSQL tests. With CI=true this is a failure.");
            throw new IllegalStateException("unreachable");
        }
    }

    String url() {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
