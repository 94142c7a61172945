package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.history.Change;
import io.artifactpipeline.core.history.ContentDiff;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactStore;

import java.util.List;
import java.util.Objects;

/** What changed between two revisions of an artifact, value by value and, in text, word by word. */
public final class DiffRevisions {
    private final ArtifactStore artifacts;

    public DiffRevisions(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** {@code from} may be newer than {@code to}: the diff then reads backwards. */
    public record Query(ArtifactId artifactId, int from, int to) {
        public Query {
            Objects.requireNonNull(artifactId, "artifactId");
        }
    }

    public record RevisionDiff(int from, int to, List<Change> changes) {
        public RevisionDiff {
            changes = List.copyOf(changes);
        }
    }

    public RevisionDiff diff(Actor actor, Query query) {
        Revision from = revision(actor, query.artifactId(), query.from());
        Revision to = revision(actor, query.artifactId(), query.to());
        return new RevisionDiff(from.number(), to.number(), ContentDiff.between(from.content(), to.content()));
    }

    private Revision revision(Actor actor, ArtifactId id, int number) {
        return artifacts.revision(actor.userId(), id, number).orElseThrow(() -> new NotFoundException("revision"));
    }
}
