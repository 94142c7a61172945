package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.SectionDrafts;
import io.artifactpipeline.core.port.UsageLedger;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The writer reserves a call's worst case before every model call and settles it to what the call cost after. */
class ArtifactWriterInteractionsTest {
    private static final Instant NOW = Instant.parse("2025-03-14T21:30:00Z");
    private static final UserId OWNER = new UserId("alice");

    private final UsageLedger ledger = mock(UsageLedger.class);
    private final LanguageModel model = mock(LanguageModel.class);
    private final ArtifactWriter writer = new ArtifactWriter(model,
            new TokenBudget(ledger, Clock.fixed(NOW, ZoneOffset.UTC), TokenBudget.DEFAULT_ESTIMATE_PER_CALL), false);
    private final Project project = new Project(new ProjectId(UUID.randomUUID()), OWNER, "Bakery", "Forecast bread",
            Map.of(), NOW);
    private final Artifact brief = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(),
            ArtifactType.BRIEF, 1, NOW);
    private final Generation generation = Generation.queued(new GenerationId(UUID.randomUUID()), project.id(),
            new Actor(OWNER, Tier.BOOTSTRAPPER), Optional.empty(),
            List.of(GenerationItem.pending(ArtifactType.BRIEF, brief.id())), NOW);

    @Test
    void theBudgetIsReservedBeforeTheModelIsCalledAndSettledToTheCostAfter() {
        when(model.worstCaseTokens(any())).thenReturn(OptionalLong.of(12_000));
        when(ledger.reserve(eq(OWNER), any(), eq(12_000L), eq(Tier.BOOTSTRAPPER.dailyTokenBudget()))).thenReturn(true);
        ModelReply reply = new ModelReply(SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER),
                FakeLanguageModel.USAGE_PER_CALL);
        when(model.write(any(), any())).thenReturn(reply);

        ArtifactWriter.Outcome outcome = writer.write(generation, project, brief, Map.of(), SectionDrafts.ignored());

        assertThat(outcome).isInstanceOf(ArtifactWriter.Outcome.Written.class);
        InOrder order = inOrder(ledger, model);
        order.verify(ledger).reserve(eq(OWNER), any(), eq(12_000L), anyLong());
        order.verify(model).write(any(), any());
        order.verify(ledger).settle(eq(OWNER), any(), eq(12_000L), eq(FakeLanguageModel.USAGE_PER_CALL));
    }

    @Test
    void aCallTheBudgetCannotCoverIsNeverMade() {
        when(ledger.reserve(eq(OWNER), any(), anyLong(), anyLong())).thenReturn(false);

        ArtifactWriter.Outcome outcome = writer.write(generation, project, brief, Map.of(), SectionDrafts.ignored());

        assertThat(outcome).isInstanceOf(ArtifactWriter.Outcome.Failed.class);
        verify(model, never()).write(any(), any());
        verify(ledger, never()).settle(any(), any(), anyLong(), any());
    }

    @Test
    void aFailedCallTheProviderBilledIsCountedAndAnUnbilledOneReleasesItsReservation() {
        when(ledger.reserve(eq(OWNER), any(), anyLong(), anyLong())).thenReturn(true);
        TokenUsage truncated = TokenUsage.of(3_000, 8_192);
        when(model.write(any(), any()))
                .thenThrow(new ModelFailure(ModelFailure.Reason.TRUNCATED, "cut off", truncated))
                .thenThrow(new ModelFailure(ModelFailure.Reason.UNAVAILABLE, "no answer"));

        writer.write(generation, project, brief, Map.of(), SectionDrafts.ignored());
        writer.write(generation, project, brief, Map.of(), SectionDrafts.ignored());

        InOrder order = inOrder(ledger);
        order.verify(ledger).settle(eq(OWNER), any(), eq(TokenBudget.DEFAULT_ESTIMATE_PER_CALL), eq(truncated));
        order.verify(ledger).settle(eq(OWNER), any(), eq(TokenBudget.DEFAULT_ESTIMATE_PER_CALL), eq(TokenUsage.NONE));
    }

    @Test
    void whenTheWritesSettleTheLastCallIsHandedToThemAndAnInvalidFirstCallIsSettledBeforeTheRepair() {
        ArtifactWriter handingOn = new ArtifactWriter(model,
                new TokenBudget(ledger, Clock.fixed(NOW, ZoneOffset.UTC), TokenBudget.DEFAULT_ESTIMATE_PER_CALL), true);
        when(ledger.reserve(eq(OWNER), any(), anyLong(), anyLong())).thenReturn(true);
        TokenUsage invalidCost = TokenUsage.of(1_000, 10);
        when(model.write(any(), any()))
                .thenReturn(new ModelReply(JsonNodeFactory.instance.objectNode(), invalidCost))
                .thenReturn(new ModelReply(SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER),
                        FakeLanguageModel.USAGE_PER_CALL));

        ArtifactWriter.Outcome outcome = handingOn.write(generation, project, brief, Map.of(), SectionDrafts.ignored());

        assertThat(outcome).isInstanceOf(ArtifactWriter.Outcome.Written.class);
        assertThat(outcome.unsettled()).containsExactly(new UsageSettlement(OWNER, NOW.atZone(ZoneOffset.UTC).toLocalDate(),
                TokenBudget.DEFAULT_ESTIMATE_PER_CALL, FakeLanguageModel.USAGE_PER_CALL));
        InOrder order = inOrder(ledger, model);
        order.verify(model).write(any(), any());
        order.verify(ledger).settle(eq(OWNER), any(), eq(TokenBudget.DEFAULT_ESTIMATE_PER_CALL), eq(invalidCost));
        order.verify(ledger).reserve(eq(OWNER), any(), anyLong(), anyLong());
        order.verify(model).write(any(), any());
        verify(ledger, times(1)).settle(any(), any(), anyLong(), any());
    }
}
