package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.contract.EventsContract;
import io.artifactpipeline.core.port.ArtifactEvents;

class InMemoryEventsContractTest extends EventsContract {
    @Override
    protected ArtifactEvents openEvents() {
        return new InMemoryArtifactEvents();
    }
}
