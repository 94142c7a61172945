package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the cascade for one project: which artifacts it writes and how each turned out. It
 * carries the owner and tier it was started with, since it runs later, in the background.
 *
 * @param instructions the founder's steer for a regeneration, if any
 */
public record Generation(GenerationId id, ProjectId projectId, UserId owner, Tier tier, Optional<String> instructions,
                         List<GenerationItem> items, GenerationState state, Instant createdAt, Instant startedAt,
                         Instant finishedAt) {
    public Generation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a generation writes at least one artifact");
        }
    }

    public static Generation queued(GenerationId id, ProjectId projectId, Actor actor, Optional<String> instructions,
                                    List<GenerationItem> items, Instant now) {
        return new Generation(id, projectId, actor.userId(), actor.tier(), instructions, items,
                GenerationState.QUEUED, now, null, null);
    }

    public Optional<GenerationItem> item(ArtifactType type) {
        return items.stream().filter(i -> i.type() == type).findFirst();
    }

    public boolean targets(ArtifactType type) {
        return item(type).isPresent();
    }

    public boolean allItemsFinished() {
        return items.stream().allMatch(GenerationItem::isFinished);
    }

    public Generation started(Instant now) {
        return new Generation(id, projectId, owner, tier, instructions, items, GenerationState.RUNNING, createdAt,
                startedAt == null ? now : startedAt, null);
    }

    public Generation withItem(GenerationItem changed) {
        List<GenerationItem> updated = new ArrayList<>(items);
        updated.replaceAll(i -> i.type() == changed.type() ? changed : i);
        return new Generation(id, projectId, owner, tier, instructions, updated, state, createdAt, startedAt,
                finishedAt);
    }

    public Generation finished(Instant now) {
        return new Generation(id, projectId, owner, tier, instructions, items, GenerationState.concluded(items),
                createdAt, startedAt, now);
    }
}
