package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.schema.ArtifactSchemas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queues the writing of a project's artifacts. Without force only what is missing or failed is written,
 * so finished work and founders' edits are left alone; with force all five are rewritten.
 */
public final class StartGeneration {
    private final GetProject getProject;
    private final ArtifactStore artifacts;
    private final GenerationStarter starter;

    public StartGeneration(ProjectStore projects, ArtifactStore artifacts, GenerationQueue queue, TokenBudget budget,
                           ArtifactEvents events, Clock clock, IdSource ids) {
        this.getProject = new GetProject(projects);
        this.artifacts = artifacts;
        this.starter = new GenerationStarter(queue, budget, events, clock, ids);
    }

    /** The result: either a queued generation or nothing to do. */
    public sealed interface Outcome {
        record Started(Generation generation) implements Outcome {
        }

        record NothingToDo() implements Outcome {
        }
    }

    public Outcome start(Actor actor, ProjectId projectId, boolean force) {
        getProject.get(actor, projectId);
        starter.refuseIfBusy(actor, projectId);
        Map<ArtifactType, Artifact> existing = artifacts.listByProject(actor.userId(), projectId).stream()
                .collect(Collectors.toMap(Artifact::type, Function.identity()));
        Instant now = starter.clock().instant();
        List<Artifact> targets = new ArrayList<>();
        for (ArtifactType type : ArtifactType.inGenerationOrder()) {
            Artifact artifact = existing.get(type);
            if (artifact == null) {
                targets.add(Artifact.awaitingFirstGeneration(new ArtifactId(starter.ids().next()), projectId, type,
                        ArtifactSchemas.CURRENT_VERSION, now));
            } else if (force || artifact.status() != ArtifactStatus.IDLE || !artifact.hasContent()) {
                targets.add(artifact.markedGenerating(now));
            }
        }
        if (targets.isEmpty()) {
            return new Outcome.NothingToDo();
        }
        return new Outcome.Started(starter.enqueue(actor, projectId, targets, null));
    }
}
