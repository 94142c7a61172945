package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartGenerationTest {
    private final TestPipeline t = TestPipeline.create();
    private final StartGeneration startGeneration = t.pipeline().startGeneration();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void theFirstGenerationQueuesAllFiveWhichShowAsGeneratingAtOnce() {
        Project project = t.project(ALICE);

        Generation generation = t.start(ALICE, project.id(), false);

        assertThat(generation.state()).isEqualTo(GenerationState.QUEUED);
        assertThat(generation.projectId()).isEqualTo(project.id());
        assertThat(generation.owner()).isEqualTo(ALICE.userId());
        assertThat(generation.tier()).isEqualTo(ALICE.tier());
        assertThat(generation.items()).extracting(GenerationItem::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(generation.items()).allMatch(i -> i.status() == GenerationItem.Status.PENDING);
        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts).hasSize(5);
        assertThat(artifacts.values()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ArtifactStatus.GENERATING);
            assertThat(a.versionNumber()).isZero();
            assertThat(a.currentContent()).isEmpty();
        });
        assertThat(generation.items()).allMatch(i -> artifacts.get(i.type()).id().equals(i.artifactId()));
        assertThat(t.pipeline().getGeneration().get(ALICE, generation.id())).isEqualTo(generation);
    }

    @Test
    void anArtifactsStatusCanBePolledWhileItIsWritten() {
        Project project = t.project(ALICE);
        t.start(ALICE, project.id(), false);
        Artifact brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);

        assertThat(t.pipeline().getArtifactStatus().get(ALICE, brief.id())).isEqualTo(
                new ArtifactProgress(ArtifactStatus.GENERATING, 0, brief.updatedAt(), null));
        t.pipeline().worker().drain();
        ArtifactProgress done = t.pipeline().getArtifactStatus().get(ALICE, brief.id());
        assertThat(done.status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(done.versionNumber()).isEqualTo(1);
        assertThat(done.error()).isNull();
    }

    @Test
    void aSecondGenerationWhileOneIsQueuedIsAConflictNamingTheActiveOne() {
        Project project = t.project(ALICE);
        Generation first = t.start(ALICE, project.id(), false);
        Map<ArtifactType, Artifact> before = t.artifacts(ALICE, project.id());

        assertThatThrownBy(() -> startGeneration.start(ALICE, new StartGeneration.Command(project.id(), true)))
                .isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.activeGeneration()).isEqualTo(first.id()));
        assertThat(t.artifacts(ALICE, project.id())).isEqualTo(before);
        assertThat(t.pipeline().worker().drain()).as("only the first generation was queued").isEqualTo(1);
    }

    @Test
    void aFinishedGenerationNoLongerBlocksTheProject() {
        Project project = t.generatedProject(ALICE);
        assertThat(startGeneration.start(ALICE, new StartGeneration.Command(project.id(), true))).isInstanceOf(StartGeneration.Outcome.Started.class);
    }

    @Test
    void withEverythingWrittenThereIsNothingToDo() {
        Project project = t.generatedProject(ALICE);
        Map<ArtifactType, Artifact> before = t.artifacts(ALICE, project.id());

        assertThat(startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false))).isEqualTo(new StartGeneration.Outcome.NothingToDo());
        assertThat(t.artifacts(ALICE, project.id())).isEqualTo(before);
        assertThat(t.pipeline().worker().drain()).isZero();
    }

    @Test
    void withoutForceOnlyFailedArtifactsAreQueued() {
        t.model().then(ArtifactType.RISK_LOG, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.generatedProject(ALICE);

        Generation retry = t.start(ALICE, project.id(), false);

        assertThat(retry.items()).extracting(GenerationItem::type).containsExactly(ArtifactType.RISK_LOG);
        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts.get(ArtifactType.RISK_LOG).status()).isEqualTo(ArtifactStatus.GENERATING);
        assertThat(artifacts.get(ArtifactType.RISK_LOG).error()).isNull();
        assertThat(artifacts.get(ArtifactType.BRIEF).status()).isEqualTo(ArtifactStatus.IDLE);
    }

    @Test
    void withForceAllFiveAreQueued() {
        Project project = t.generatedProject(ALICE);
        Generation forced = t.start(ALICE, project.id(), true);
        assertThat(forced.items()).extracting(GenerationItem::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(t.artifacts(ALICE, project.id()).values()).allMatch(Artifact::isGenerating);
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertThatThrownBy(() -> startGeneration.start(ALICE, new StartGeneration.Command(new ProjectId(UUID.randomUUID()), false)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGenerationTheDaysBudgetCannotCoverIsRefusedUpFrontAndChangesNothing() {
        long estimate = TokenBudget.DEFAULT_ESTIMATE_PER_CALL;
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget() - 5 * estimate + 1);
        Project project = t.project(ALICE);

        assertThatThrownBy(() -> startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false)))
                .isInstanceOfSatisfying(BudgetExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.between(t.clock().instant(),
                                t.today().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))));
        assertThat(t.artifacts(ALICE, project.id())).isEmpty();
        assertThat(t.pipeline().worker().drain()).isZero();
        assertThat(t.model().requests()).isEmpty();
    }

    @Test
    void theRefusalSaysHowLongUntilMidnightUtc() {
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget());
        Project project = t.project(ALICE); // the clock is now 21:30:01 UTC

        assertThatThrownBy(() -> startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false)))
                .isInstanceOfSatisfying(BudgetExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(2).plusMinutes(29).plusSeconds(59)));
    }

    @Test
    void aGenerationTheBudgetExactlyCoversStarts() {
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget() - 5 * TokenBudget.DEFAULT_ESTIMATE_PER_CALL);
        Project project = t.project(ALICE);
        assertThat(startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false))).isInstanceOf(StartGeneration.Outcome.Started.class);
    }

    @Test
    void theUpFrontEstimateCountsOnlyTheArtifactsToWrite() {
        t.model().then(ArtifactType.RISK_LOG, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.generatedProject(ALICE);
        long spent = t.spentToday(ALICE);
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget() - spent - TokenBudget.DEFAULT_ESTIMATE_PER_CALL);

        assertThat(startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false))).isInstanceOf(StartGeneration.Outcome.Started.class);
    }

    @Test
    void yesterdaysUsageDoesNotCountToday() {
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget());
        t.clock().advance(Duration.ofHours(3)); // past midnight UTC
        Project project = t.project(ALICE);
        assertThat(startGeneration.start(ALICE, new StartGeneration.Command(project.id(), false))).isInstanceOf(StartGeneration.Outcome.Started.class);
    }
}
