package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.StartGeneration;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The runner writes only under its lease, and tells watchers of a change only once it is stored. */
class CascadeRunnerInteractionsTest {
    private static final Actor FOUNDER = Actor.of("founder", Tier.BOOTSTRAPPER);

    private final InMemoryStore store = new InMemoryStore();
    private final LeasedWrites writes = mock(LeasedWrites.class);
    private final ArtifactEvents events = mock(ArtifactEvents.class);
    private final CascadeRunner runner = new CascadeRunner(store, writes,
            new ArtifactWriter(new FakeLanguageModel(), new TokenBudget(new InMemoryUsageLedger(), Clock.systemUTC(),
                    TokenBudget.DEFAULT_ESTIMATE_PER_CALL), false), events, Clock.systemUTC());

    @Test
    void eachWrittenArtifactIsStoredUnderTheLeaseAndThenPublished() {
        ClaimedGeneration claim = queuedAndClaimed();
        when(writes.recordWritten(any(), any(), any(), any(), any())).thenAnswer(call -> call.getArgument(1));

        runner.run(claim);

        InOrder order = inOrder(writes, events);
        order.verify(writes).recordWritten(argThat(lease -> lease.equals(claim.lease())),
                argThat(artifact -> artifact.type() == ArtifactType.BRIEF), any(), any(), any());
        order.verify(events).publish(argThat(change -> change.type() == ArtifactType.BRIEF
                && change.kind() == ArtifactChange.Kind.CONTENT_WRITTEN));
        verify(writes).finish(argThat(lease -> lease.equals(claim.lease())), any());
    }

    @Test
    void aLostLeaseStopsTheRunWithoutAnotherWriteOrAnyEvent() {
        ClaimedGeneration claim = queuedAndClaimed();
        when(writes.recordWritten(any(), any(), any(), any(), any())).thenThrow(new LeaseLostException(claim.generation().id()));

        assertThatThrownBy(() -> runner.run(claim)).isInstanceOf(LeaseLostException.class);

        verify(writes).recordWritten(any(), argThat((Artifact a) -> a.type() == ArtifactType.BRIEF), any(), any(), any());
        verify(writes, never()).recordFailed(any(), any(), any(), any());
        verify(writes, never()).finish(any(), any());
        verify(events, never()).publish(argThat(change -> !change.isDraft()));
    }

    private ClaimedGeneration queuedAndClaimed() {
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().store(store).model(new FakeLanguageModel()).build()) {
            Project project = pipeline.createProject().create(FOUNDER,
                    new CreateProject.Command(null, "Forecast bread demand", Map.of()));
            pipeline.startGeneration().start(FOUNDER, new StartGeneration.Command(project.id(), false));
        }
        return store.claimNext("w1", Instant.now(), Duration.ofSeconds(30)).orElseThrow();
    }
}
