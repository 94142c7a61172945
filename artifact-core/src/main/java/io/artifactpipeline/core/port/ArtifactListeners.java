package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.ProjectId;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The subscribers of each project and the one delivery rule that every {@link ArtifactEvents} adapter
 * follows: each change goes to the project's listeners in the order they subscribed; a listener that
 * throws is unsubscribed (its client is gone or broken, and it would fail again on every change) and
 * the others still get the change.
 */
public final class ArtifactListeners {
    private static final System.Logger LOG = System.getLogger(ArtifactListeners.class.getName());

    private final Map<ProjectId, List<Consumer<ArtifactChange>>> byProject = new ConcurrentHashMap<>();

    public ArtifactEvents.Subscription add(ProjectId projectId, Consumer<ArtifactChange> listener) {
        byProject.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> remove(projectId, listener);
    }

    public void deliver(ArtifactChange change) {
        for (Consumer<ArtifactChange> listener : byProject.getOrDefault(change.projectId(), List.of())) {
            try {
                listener.accept(change);
            } catch (RuntimeException broken) {
                LOG.log(Level.WARNING, "an artifact change listener failed and was unsubscribed", broken);
                remove(change.projectId(), listener);
            }
        }
    }

    private void remove(ProjectId projectId, Consumer<ArtifactChange> listener) {
        byProject.computeIfPresent(projectId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }
}
