package io.artifactpipeline.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The database keeps microseconds (and PostgreSQL rounds finer values rather than cutting them). Cutting
 * instants to microseconds before they are stored makes what a write returns equal what a read returns.
 */
final class StoredTime {
    private StoredTime() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A plain JDBC parameter for a {@code timestamp with time zone} column; null stays null. */
    static OffsetDateTime parameter(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(of(instant), ZoneOffset.UTC);
    }

    /** A {@code timestamp with time zone} column read in plain JDBC; null stays null. */
    static Instant read(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
