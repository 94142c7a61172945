package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.IdSource;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What {@link StartGeneration} and {@link RegenerateArtifact} share: the conflict check, the budget
 * check, the atomic enqueue and telling watchers.
 */
public final class GenerationStarter {
    private final GenerationQueue queue;
    private final TokenBudget budget;
    private final ArtifactEvents events;
    private final Clock clock;
    private final IdSource ids;
    private final int maxActivePerUser;

    /** @param maxActivePerUser generations one user may have queued or running at once, across servers */
    public GenerationStarter(GenerationQueue queue, TokenBudget budget, ArtifactEvents events, Clock clock,
                             IdSource ids, int maxActivePerUser) {
        if (maxActivePerUser < 1) {
            throw new IllegalArgumentException("a user must be allowed at least one active generation");
        }
        this.queue = queue;
        this.budget = budget;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
        this.maxActivePerUser = maxActivePerUser;
    }

    void refuseIfBusy(Actor actor, ProjectId projectId) {
        queue.findActiveGeneration(actor.userId(), projectId).ifPresent(active -> {
            throw new GenerationConflictException(active.id());
        });
    }

    /** Queues a generation of the given artifacts (already marked generating) and tells watchers. */
    Generation enqueue(Actor actor, ProjectId projectId, List<Artifact> targets, Optional<String> instructions) {
        budget.ensureAffordable(actor.userId(), actor.tier(), targets.size());
        List<GenerationItem> items = targets.stream()
                .map(artifact -> GenerationItem.pending(artifact.type(), artifact.id()))
                .toList();
        Generation generation = Generation.queued(new GenerationId(ids.next()), projectId, actor, instructions, items,
                clock.instant());
        Generation queued;
        try {
            queued = queue.enqueue(generation, targets, maxActivePerUser);
        } catch (StaleArtifactException editedMeanwhile) {
            // Not the caller's stale If-Match (412): an edit landed between reading and queueing.
            throw new ArtifactBusyException("an artifact changed while the generation was being started; "
                    + "look at the change and start again");
        }
        events.publishAll(targets.stream()
                .map(artifact -> ArtifactChange.of(artifact, ArtifactChange.Kind.STATUS_CHANGED)).toList());
        return queued;
    }
}
