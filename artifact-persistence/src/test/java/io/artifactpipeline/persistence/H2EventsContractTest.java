package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.EventsContract;
import io.artifactpipeline.core.port.ArtifactEvents;

/** The core's event delivery contract through the database change feed, on an embedded H2 database. */
class H2EventsContractTest extends EventsContract {
    private JpaStorage storage;

    @Override
    protected ArtifactEvents openEvents() {
        storage = JpaStorage.open(TestDatabases.freshH2());
        return storage.artifactEvents();
    }

    @Override
    protected void closeEvents() {
        storage.close();
    }
}
