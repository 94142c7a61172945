package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Delivers changes to subscribers in this process, synchronously and in publishing order. A listener
 * that throws is dropped rather than allowed to break the publisher.
 */
public final class InMemoryArtifactEvents implements ArtifactEvents {
    private final Map<ProjectId, Set<Consumer<ArtifactChange>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(ArtifactChange change) {
        Set<Consumer<ArtifactChange>> forProject = listeners.get(change.projectId());
        if (forProject == null) {
            return;
        }
        for (Consumer<ArtifactChange> listener : forProject) {
            try {
                listener.accept(change);
            } catch (RuntimeException broken) {
                forProject.remove(listener);
            }
        }
    }

    @Override
    public Subscription subscribe(ProjectId projectId, Consumer<ArtifactChange> listener) {
        listeners.computeIfAbsent(projectId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(projectId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
