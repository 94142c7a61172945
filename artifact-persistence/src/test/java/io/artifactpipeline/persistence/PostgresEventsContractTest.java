package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.EventsContract;
import io.artifactpipeline.core.port.ArtifactEvents;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's event delivery contract through the database change feed, on a real PostgreSQL. */
class PostgresEventsContractTest extends EventsContract {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    private JpaStorage storage;

    @Override
    protected ArtifactEvents openEvents() {
        storage = JpaStorage.open(postgres.settings(4));
        return storage.artifactEvents();
    }

    @Override
    protected void closeEvents() {
        storage.close();
    }
}
