package io.artifactpipeline.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The concurrency rules on embedded H2, where one server runs many generations and requests at once. */
class H2ConcurrencyTest extends ConcurrencyContract {
    private static DatabaseSettings settings;

    @BeforeAll
    static void open() {
        DatabaseSettings fresh = TestDatabases.freshH2();
        settings = new DatabaseSettings(fresh.jdbcUrl(), "", "", THREADS);
        serverA = JpaStorage.open(settings);
        serverB = JpaStorage.open(settings);
    }

    @AfterAll
    static void close() {
        serverA.close();
        serverB.close();
    }

    @Override
    void empty() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (String table : new String[]{"generation_item", "generation", "revision", "annotation", "artifact",
                    "project", "token_usage"}) {
                statement.execute("delete from " + table);
            }
        }
    }

    @Override
    long count(String sql, UUID id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
