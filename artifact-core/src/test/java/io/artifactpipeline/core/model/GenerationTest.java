package io.artifactpipeline.core.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationTest {
    private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    private static final ArtifactError TIMEOUT = new ArtifactError(ErrorCode.MODEL_TIMEOUT, "too slow");

    private final GenerationItem brief = GenerationItem.pending(ArtifactType.BRIEF, new ArtifactId(UUID.randomUUID()));
    private final GenerationItem scope = GenerationItem.pending(ArtifactType.MVP_SCOPE, new ArtifactId(UUID.randomUUID()));
    private final Generation queued = Generation.queued(new GenerationId(UUID.randomUUID()), new ProjectId(UUID.randomUUID()),
            Actor.of("alice", Tier.PARTNER), Optional.of("shorter"), List.of(brief, scope), T0);

    @Test
    void aQueuedGenerationCarriesItsOwnerTierAndInstructions() {
        assertThat(queued.state()).isEqualTo(GenerationState.QUEUED);
        assertThat(queued.owner()).isEqualTo(new UserId("alice"));
        assertThat(queued.tier()).isEqualTo(Tier.PARTNER);
        assertThat(queued.instructions()).contains("shorter");
        assertThat(queued.targets(ArtifactType.BRIEF)).isTrue();
        assertThat(queued.targets(ArtifactType.MILESTONES)).isFalse();
        assertThat(queued.allItemsFinished()).isFalse();
    }

    @Test
    void aGenerationWritesAtLeastOneArtifact() {
        assertThatThrownBy(() -> Generation.queued(new GenerationId(UUID.randomUUID()), new ProjectId(UUID.randomUUID()),
                Actor.of("alice", Tier.PARTNER), Optional.empty(), List.of(), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startingTwiceKeepsTheFirstStartTime() {
        Generation started = queued.started(T0.plusSeconds(1)).started(T0.plusSeconds(9));
        assertThat(started.state()).isEqualTo(GenerationState.RUNNING);
        assertThat(started.startedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void anItemUpdateChangesOnlyThatItem() {
        Generation updated = queued.withItem(brief.succeeded());
        assertThat(updated.item(ArtifactType.BRIEF)).get().extracting(GenerationItem::status)
                .isEqualTo(GenerationItem.Status.SUCCEEDED);
        assertThat(updated.item(ArtifactType.MVP_SCOPE)).contains(scope);
    }

    @Test
    void allItemsSucceededConcludesSucceeded() {
        Generation finished = queued.withItem(brief.succeeded()).withItem(scope.succeeded()).finished(T0);
        assertThat(finished.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(finished.finishedAt()).isEqualTo(T0);
    }

    @Test
    void someItemsFailedConcludesPartiallyFailed() {
        Generation finished = queued.withItem(brief.succeeded()).withItem(scope.failed(TIMEOUT)).finished(T0);
        assertThat(finished.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(finished.item(ArtifactType.MVP_SCOPE)).get().extracting(GenerationItem::error).isEqualTo(TIMEOUT);
    }

    @Test
    void allItemsFailedConcludesFailed() {
        Generation finished = queued.withItem(brief.failed(TIMEOUT)).withItem(scope.failed(TIMEOUT)).finished(T0);
        assertThat(finished.state()).isEqualTo(GenerationState.FAILED);
    }

    @Test
    void onlyQueuedAndRunningAreActive() {
        assertThat(GenerationState.QUEUED.isActive()).isTrue();
        assertThat(GenerationState.RUNNING.isActive()).isTrue();
        assertThat(GenerationState.SUCCEEDED.isActive()).isFalse();
        assertThat(GenerationState.FAILED.isActive()).isFalse();
        assertThat(GenerationState.PARTIALLY_FAILED.isActive()).isFalse();
    }

    @Test
    void itemStatusesUseTheArtifactsWireWords() {
        assertThat(GenerationItem.Status.PENDING.wireName()).isEqualTo(ArtifactStatus.GENERATING.wireName());
        assertThat(GenerationItem.Status.SUCCEEDED.wireName()).isEqualTo(ArtifactStatus.IDLE.wireName());
        assertThat(GenerationItem.Status.FAILED.wireName()).isEqualTo(ArtifactStatus.FAILED.wireName());
    }
}
