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
 * A generation with its lease, as founders' queries read it. The lease lives on the row itself, so that
 * checking it and writing under it happen under one row lock in one transaction; the queue's writes (start,
 * claim, fenced writes) are plain JDBC, in {@link QueuedRows}, {@link GenerationRepository} and
 * {@link FencedWrites}.
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

    Generation toGeneration() {
        return new Generation(new GenerationId(id), new ProjectId(projectId), new UserId(ownerId), tier, Optional.ofNullable(instructions),
                items.stream().map(GenerationItemEntity::toItem).toList(), state, createdAt, startedAt, finishedAt);
    }
}
