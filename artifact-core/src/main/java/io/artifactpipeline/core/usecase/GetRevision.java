package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactStore;

import java.util.Objects;

/** One revision of an artifact, with the whole content as of that revision. */
public final class GetRevision {
    private final ArtifactStore artifacts;

    public GetRevision(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** @param number the revision's number; revisions are numbered from 1, so anything else is not found */
    public record Query(ArtifactId artifactId, int number) {
        public Query {
            Objects.requireNonNull(artifactId, "artifactId");
        }
    }

    public Revision get(Actor actor, Query query) {
        return artifacts.revision(actor.userId(), query.artifactId(), query.number())
                .orElseThrow(() -> new NotFoundException("revision"));
    }
}
