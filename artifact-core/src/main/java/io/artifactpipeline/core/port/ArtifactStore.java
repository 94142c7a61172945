package io.artifactpipeline.core.port;

import io.artifactpipeline.core.error.NotFoundException;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Where artifacts and their history live. Reads are scoped to the owner of the artifact's project.
 * Writes made by generation workers go through {@link LeasedWrites}, which fences them.
 * <p>
 * The store numbers revisions and keeps each artifact's latest number ({@link io.artifactpipeline.core.model.Lineage#headRevision()}).
 * Every artifact it returns to a founder ({@link #findArtifact}, {@link #listByProject}, {@link #saveEdit},
 * {@link #saveRestore}, {@link #addAnnotation}) carries the latest revision of each of its dependencies, so
 * that {@link Artifact#isStale()} is answered without another read.
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

    /**
     * Saves a restore of an earlier revision and its revision atomically; refused like {@link #saveEdit}.
     *
     * @return the artifact as saved, with its new row version
     */
    Artifact saveRestore(Artifact restored, long expectedRowVersion, Revision revision);

    /**
     * A page of the artifact's revisions, newest first, positioned by revision number; without their
     * content (a history list never reads it). Empty for an unknown or foreign artifact.
     */
    Page<RevisionSummary, Integer> revisionPage(UserId owner, ArtifactId id, PageRequest<Integer> request);

    Optional<Revision> revision(UserId owner, ArtifactId id, int number);
}
