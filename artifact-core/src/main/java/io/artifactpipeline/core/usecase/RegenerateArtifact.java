package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.schema.Texts;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rewrites one artifact from the current content of its dependencies. A founder's edits are never
 * overwritten silently: without force, an edited artifact is left alone and the caller is warned.
 */
public final class RegenerateArtifact {
    public static final int MAX_INSTRUCTIONS_LENGTH = 2_000;

    private final ArtifactStore artifacts;
    private final GenerationStarter starter;
    private final Clock clock;

    public RegenerateArtifact(ArtifactStore artifacts, GenerationStarter starter, Clock clock) {
        this.artifacts = artifacts;
        this.starter = starter;
        this.clock = clock;
    }

    /** @param instructions optional steer for the rewrite, up to 2,000 characters; blank counts as none */
    public record Command(ArtifactId artifactId, boolean force, Optional<String> instructions) {
        public Command {
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(instructions, "instructions");
            if (instructions.isPresent() && instructions.get().length() > MAX_INSTRUCTIONS_LENGTH) {
                throw InvalidInputException.of("instructions", "allows at most " + MAX_INSTRUCTIONS_LENGTH + " characters");
            }
            if (instructions.filter(Texts::hasNul).isPresent()) {
                throw InvalidInputException.of("instructions", Texts.NO_NUL);
            }
            instructions = instructions.filter(text -> !text.isBlank());
        }

        /** A regeneration without instructions. */
        public Command(ArtifactId artifactId, boolean force) {
            this(artifactId, force, Optional.empty());
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

    public Outcome regenerate(Actor actor, Command command) {
        Artifact artifact = artifacts.ownedArtifact(actor.userId(), command.artifactId());
        if (artifact.hasUserEdits() && !command.force()) {
            return new Outcome.EditsWouldBeLost(artifact.id(), artifact.type(), artifact.editedSections());
        }
        starter.refuseIfBusy(actor, artifact.projectId());
        Artifact target = artifact.markedGenerating(clock.instant());
        Generation generation = starter.enqueue(actor, artifact.projectId(), List.of(target), command.instructions());
        return new Outcome.Started(generation, artifact.id());
    }
}
