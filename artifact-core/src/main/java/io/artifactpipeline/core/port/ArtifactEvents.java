package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.ProjectId;

import java.util.List;
import java.util.function.Consumer;

/**
 * The live feed of artifact changes. Publishing happens after the change is stored; an adapter
 * shared by several servers delivers a change to subscribers on all of them. Section drafts
 * ({@link ArtifactChange#isDraft()}) are previews and are never stored: an adapter delivers them to the
 * subscribers it can reach without storing them (a shared adapter: those of the server that publishes).
 */
public interface ArtifactEvents {

    void publish(ArtifactChange change);

    /** Publishes several changes at once, in order; adapters may do it in one round trip. */
    default void publishAll(List<ArtifactChange> changes) {
        changes.forEach(this::publish);
    }

    /** Calls the listener for each change of the project's artifacts until the subscription is closed. */
    Subscription subscribe(ProjectId projectId, Consumer<ArtifactChange> listener);

    /** Ends a subscription; idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
