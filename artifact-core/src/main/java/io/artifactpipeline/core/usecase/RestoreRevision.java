package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Brings an earlier revision back. Nothing is lost: the restore is itself a new revision, counts like a
 * regeneration (version + 1, the replaced content becomes the previous one), and brings back the edit
 * marks the artifact had then, so that a later regeneration still warns about them. The content is cut
 * to the caller's tier and must fit today's schema; otherwise nothing changes.
 */
public final class RestoreRevision {
    private final ArtifactStore artifacts;
    private final ArtifactEvents events;
    private final Clock clock;

    public RestoreRevision(ArtifactStore artifacts, ArtifactEvents events, Clock clock) {
        this.artifacts = artifacts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param revision           the number of the revision to bring back
     * @param expectedRowVersion the row version the caller last saw (If-Match), or empty for whatever is current
     */
    public record Command(ArtifactId artifactId, int revision, OptionalLong expectedRowVersion) {
        public Command {
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
        }

        /** A restore over whatever is current. */
        public Command(ArtifactId artifactId, int revision) {
            this(artifactId, revision, OptionalLong.empty());
        }
    }

    /**
     * @throws NotFoundException for an unknown or foreign artifact, or a revision it does not have
     * @throws StaleArtifactException if the artifact changed since the expected row version
     * @throws ArtifactBusyException while the artifact is being generated
     * @throws InvalidInputException when the revision's content does not fit the schema for the caller's tier
     */
    public Artifact restore(Actor actor, Command command) {
        Artifact artifact = artifacts.ownedArtifact(actor.userId(), command.artifactId());
        Revision revision = artifacts.revision(actor.userId(), artifact.id(), command.revision())
                .orElseThrow(() -> new NotFoundException("revision"));
        if (command.expectedRowVersion().isPresent()
                && command.expectedRowVersion().getAsLong() != artifact.rowVersion()) {
            throw new StaleArtifactException();
        }
        if (artifact.isGenerating()) {
            throw new ArtifactBusyException();
        }
        ArtifactSchema schema = ArtifactSchemas.of(artifact.type());
        ObjectNode content = schema.filterToTier(revision.content(), actor.tier());
        List<Violation> violations = schema.validate(content, actor.tier());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Artifact restored = artifact.restoredTo(revision, content, schema.version(), clock.instant());
        Artifact saved = artifacts.saveRestore(restored, artifact.rowVersion(),
                restored.restoredRevision(actor.userId(), revision.number()));
        events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.CONTENT_WRITTEN));
        events.publishAll(ArtifactChange.staleAfter(saved,
                () -> artifacts.listByProject(actor.userId(), saved.projectId())));
        return saved;
    }
}
