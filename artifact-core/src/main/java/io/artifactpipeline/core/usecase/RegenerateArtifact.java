package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.IdSource;

import java.time.Clock;
import java.util.List;

/**
 * Rewrites one artifact from the current content of its dependencies. A founder's edits are never
 * overwritten silently: without force, an edited artifact is left alone and the caller is warned.
 */
public final class RegenerateArtifact {
    public static final int MAX_INSTRUCTIONS_LENGTH = 2_000;

    private final ArtifactStore artifacts;
    private final GenerationStarter starter;

    public RegenerateArtifact(ArtifactStore artifacts, GenerationQueue queue, TokenBudget budget,
                              ArtifactEvents events, Clock clock, IdSource ids) {
        this.artifacts = artifacts;
        this.starter = new GenerationStarter(queue, budget, events, clock, ids);
    }

    /** @param instructions optional steer for the rewrite, up to 2,000 characters */
    public record Request(boolean force, String instructions) {
        public Request {
            if (instructions != null && instructions.length() > MAX_INSTRUCTIONS_LENGTH) {
                throw InvalidInputException.of("instructions", "allows at most " + MAX_INSTRUCTIONS_LENGTH + " characters");
            }
            if (instructions != null && instructions.isBlank()) {
                instructions = null;
            }
        }
    }

    public sealed interface Outcome {
        record Started(Generation generation, ArtifactId artifactId) implements Outcome {
        }

        /** Nothing changed: regenerating would overwrite these founder-edited sections. */
        record EditsWouldBeLost(ArtifactId artifactId, ArtifactType type, List<String> editedSections)
                implements Outcome {
        }
    }

    public Outcome regenerate(Actor actor, ArtifactId id, Request request) {
        Artifact artifact = artifacts.find(actor.userId(), id).orElseThrow(() -> new NotFoundException("artifact"));
        if (artifact.hasUserEdits() && !request.force()) {
            return new Outcome.EditsWouldBeLost(artifact.id(), artifact.type(), artifact.editedSections());
        }
        starter.refuseIfBusy(actor, artifact.projectId());
        Artifact target = artifact.markedGenerating(starter.clock().instant());
        Generation generation = starter.enqueue(actor, artifact.projectId(), List.of(target), request.instructions());
        return new Outcome.Started(generation, artifact.id());
    }
}
