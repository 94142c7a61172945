package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.IdSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Starting work that races a founder's edit is a conflict (409), not the caller's stale precondition (412). */
class GenerationStarterTest {
    private static final Instant NOW = Instant.parse("2025-03-14T21:30:00Z");

    private final GenerationQueue queue = mock(GenerationQueue.class);
    private final ArtifactEvents events = mock(ArtifactEvents.class);
    private final GenerationStarter starter = new GenerationStarter(queue,
            new TokenBudget(new InMemoryUsageLedger(), Clock.fixed(NOW, ZoneOffset.UTC), 1_000), events,
            Clock.fixed(NOW, ZoneOffset.UTC), IdSource.random(), 3);

    @Test
    void anEditLandingWhileTheGenerationIsQueuedMakesItAConflictAndNobodyIsTold() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        Artifact brief = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project,
                ArtifactType.BRIEF, 1, NOW);
        when(queue.enqueue(any(), any(), anyInt())).thenThrow(new StaleArtifactException());

        assertThatThrownBy(() -> starter.enqueue(ALICE, project, List.of(brief), Optional.empty()))
                .isInstanceOf(ArtifactBusyException.class).hasMessageContaining("changed while");
        verifyNoInteractions(events);
    }
}
