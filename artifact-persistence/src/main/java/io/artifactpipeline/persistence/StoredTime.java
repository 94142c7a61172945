package io.artifactpipeline.persistence;

import java.time.Instant;
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
}
