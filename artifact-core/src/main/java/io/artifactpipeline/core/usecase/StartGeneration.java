package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.schema.ArtifactSchemas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queues the writing of a project's artifacts. Without force only what is missing, failed, or stale
 * without edits is written, so current work and founders' edits are left alone; with force all five
 * are rewritten.
 */
public final class StartGeneration {
    private final ProjectStore projects;
    private final ArtifactStore artifacts;
    private final GenerationStarter starter;
    private final Clock clock;
    private final IdSource ids;

    public StartGeneration(ProjectStore projects, ArtifactStore artifacts, GenerationStarter starter, Clock clock,
                           IdSource ids) {
        this.projects = projects;
        this.artifacts = artifacts;
        this.starter = starter;
        this.clock = clock;
        this.ids = ids;
    }

    public record Command(ProjectId projectId, boolean force) {
        public Command {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** The result: either a queued generation or nothing to do. */
    public sealed interface Outcome {
        record Started(Generation generation) implements Outcome {
        }

        record NothingToDo() implements Outcome {
        }
    }

    public Outcome start(Actor actor, Command command) {
        ProjectId projectId = projects.ownedProject(actor.userId(), command.projectId()).id();
        starter.refuseIfBusy(actor, projectId);
        Map<ArtifactType, Artifact> existing = artifacts.listByProject(actor.userId(), projectId).stream()
                .collect(Collectors.toMap(Artifact::type, Function.identity()));
        Instant now = clock.instant();
        List<Artifact> targets = new ArrayList<>();
        for (ArtifactType type : ArtifactType.inGenerationOrder()) {
            Artifact artifact = existing.get(type);
            if (artifact == null) {
                targets.add(Artifact.awaitingFirstGeneration(new ArtifactId(ids.next()), projectId, type,
                        ArtifactSchemas.CURRENT_VERSION, now));
            } else if (command.force() || needsWork(artifact)) {
                targets.add(artifact.markedGenerating(now));
            }
        }
        if (targets.isEmpty()) {
            return new Outcome.NothingToDo();
        }
        return new Outcome.Started(starter.enqueue(actor, projectId, targets, Optional.empty()));
    }

    /** Missing, failed, or stale with no founder's edit to lose (a stale edited one waits for force). */
    private static boolean needsWork(Artifact artifact) {
        return artifact.status() != ArtifactStatus.IDLE || !artifact.hasContent()
                || (artifact.isStale() && !artifact.hasUserEdits());
    }
}
