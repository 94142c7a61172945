package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactListeners;

import java.util.function.Consumer;

/** Delivers changes to subscribers in this process, synchronously and in publishing order. */
public final class InMemoryArtifactEvents implements ArtifactEvents {
    private final ArtifactListeners listeners = new ArtifactListeners();

    @Override
    public void publish(ArtifactChange change) {
        listeners.deliver(change);
    }

    @Override
    public Subscription subscribe(ProjectId projectId, Consumer<ArtifactChange> listener) {
        return listeners.add(projectId, listener);
    }
}
