package io.artifactpipeline.persistence;

import java.util.UUID;

/** Throw-away databases for tests. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** A new, empty in-memory H2 database; it disappears when the storage's pool closes its connections. */
    static DatabaseSettings freshH2() {
        return new DatabaseSettings("jdbc:h2:mem:ap-" + UUID.randomUUID(), "", "", 4);
    }
}
