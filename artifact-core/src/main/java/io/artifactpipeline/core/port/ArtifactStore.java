package io.artifactpipeline.core.port;

import io.artifactpipeline.core.error.NotFoundException;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Where artifacts and their history live. Reads are scoped to the owner of the artifact's project.
 * Writes made by generation workers go through {@link LeasedWrites}, which fences them.
 */
public interface ArtifactStore {

    Optional<Artifact> findArtifact(UserId owner, ArtifactId id);

    /**
     * The owner's artifact.
     *
     * @throws NotFoundException for an unknown artifact and for another user's, alike
     */
    default Artifact ownedArtifact(UserId owner, ArtifactId id) {
        return findArtifact(owner, id).orElseThrow(() -> new NotFoundException("artifact"));
    }

    /**
     * The artifact's status and version without its content. Polled every second by many clients, so
     * an adapter should answer it more cheaply than {@link #findArtifact}.
     */
    default Optional<ArtifactProgress> findProgress(UserId owner, ArtifactId id) {
        return findArtifact(owner, id).map(ArtifactProgress::of);
    }

    /** The project's artifacts in generation order; empty for an unknown or foreign project. */
    List<Artifact> listByProject(UserId owner, ProjectId projectId);

    /**
     * Saves a founder's edit and its revision atomically.
     *
     * @throws io.artifactpipeline.core.error.StaleArtifactException if the row version is no longer
     *         {@code expectedRowVersion}
     * @throws io.artifactpipeline.core.error.ArtifactBusyException if the artifact is being generated
     * @return the artifact as saved, with its new row version
     */
    Artifact saveEdit(Artifact edited, long expectedRowVersion, Revision revision);

    /**
     * Appends an annotation, bumping the artifact's row version.
     *
     * @throws io.artifactpipeline.core.error.NotFoundException for an unknown or foreign artifact
     */
    Artifact addAnnotation(UserId owner, ArtifactId id, Annotation annotation);

    /** The artifact's revisions, newest first; empty for an unknown or foreign artifact. */
    List<Revision> revisions(UserId owner, ArtifactId id);

    Optional<Revision> revision(UserId owner, ArtifactId id, int number);
}
