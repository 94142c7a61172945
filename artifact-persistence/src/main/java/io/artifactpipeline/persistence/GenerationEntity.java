package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A generation with its lease. The lease lives on the row itself, so that checking it and writing under it
 * happen under one row lock in one transaction.
 */
@Entity
@Table(name = "generation")
class GenerationEntity {
    @Id
    private UUID id;
    private UUID projectId;
    private String ownerId;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    private String instructions;
    @Enumerated(EnumType.STRING)
    private GenerationState state;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    /** The project id while queued or running, else null: unique, so one active generation per project. */
    private UUID activeProjectId;
    /** Which of the owner's active-generation slots this one holds while queued or running, else null. */
    private Integer activeSlot;
    private String leaseWorker;
    private long fencingToken;
    private Instant leaseExpiresAt;
    @OneToMany
    @JoinColumn(name = "generation_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<GenerationItemEntity> items = new ArrayList<>();

    protected GenerationEntity() {
    }

    /** A new generation holding the owner's active-generation slot {@code slot}. */
    static GenerationEntity of(Generation generation, int slot) {
        GenerationEntity entity = of(generation);
        entity.activeSlot = slot;
        return entity;
    }

    static GenerationEntity of(Generation generation) {
        GenerationEntity entity = new GenerationEntity();
        entity.id = generation.id().value();
        entity.projectId = generation.projectId().value();
        entity.ownerId = generation.owner().value();
        entity.tier = generation.tier();
        entity.instructions = generation.instructions().orElse(null);
        entity.createdAt = StoredTime.of(generation.createdAt());
        entity.fencingToken = 0;
        entity.setState(generation.state(), generation.startedAt(), generation.finishedAt());
        return entity;
    }

    Generation toGeneration() {
        return new Generation(new GenerationId(id), new ProjectId(projectId), new UserId(ownerId), tier, Optional.ofNullable(instructions),
                items.stream().map(GenerationItemEntity::toItem).toList(), state, createdAt, startedAt, finishedAt);
    }

    private void setState(GenerationState newState, Instant started, Instant finished) {
        state = newState;
        startedAt = StoredTime.of(started);
        finishedAt = StoredTime.of(finished);
        activeProjectId = newState.isActive() ? projectId : null;
        activeSlot = newState.isActive() ? activeSlot : null;
    }
}
