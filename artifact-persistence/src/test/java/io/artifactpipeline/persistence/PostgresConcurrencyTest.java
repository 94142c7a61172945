package io.artifactpipeline.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The concurrency rules on a real PostgreSQL, the database several servers share in production. */
class PostgresConcurrencyTest extends ConcurrencyContract {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @BeforeAll
    static void open() {
        serverA = JpaStorage.open(postgres.settings(THREADS));
        serverB = JpaStorage.open(postgres.settings(THREADS));
    }

    @AfterAll
    static void close() {
        serverA.close();
        serverB.close();
    }

    @Override
    void empty() throws SQLException {
        postgres.truncateAll();
    }

    @Override
    long count(String sql, UUID id) throws SQLException {
        try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
