package io.artifactpipeline.persistence;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The database's clock, the one every server sharing the database agrees on. Leases are given and
 * judged by it, so that a server whose own clock runs ahead cannot take over generations that are
 * still alive, and one whose clock runs behind cannot write after its lease ran out.
 */
final class DatabaseTime {
    private DatabaseTime() {
    }

    static Instant now(Session session) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select current_timestamp");
                 ResultSet result = statement.executeQuery()) {
                result.next();
                return StoredTime.of(result.getObject(1, OffsetDateTime.class).toInstant());
            }
        });
    }
}
