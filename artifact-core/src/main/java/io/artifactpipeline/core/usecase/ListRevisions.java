package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.port.ArtifactStore;

import java.util.Objects;

/** An artifact's history, newest first, a page at a time, without the content of each revision. */
public final class ListRevisions {
    private final ArtifactStore artifacts;

    public ListRevisions(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** @param page how many revisions, after which revision number */
    public record Query(ArtifactId artifactId, PageRequest<Integer> page) {
        public Query {
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(page, "page");
        }

        /** The newest revisions, as many as a page holds by default. */
        public static Query newest(ArtifactId artifactId) {
            return new Query(artifactId, PageRequest.firstDefault());
        }
    }

    /** @throws io.artifactpipeline.core.error.NotFoundException for an unknown or foreign artifact */
    public Page<RevisionSummary, Integer> list(Actor actor, Query query) {
        return artifacts.revisionPage(actor.userId(), artifacts.ownedArtifact(actor.userId(), query.artifactId()).id(),
                query.page());
    }
}
