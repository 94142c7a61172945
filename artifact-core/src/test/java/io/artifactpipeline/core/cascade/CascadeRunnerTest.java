package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.TestPipeline;
import io.artifactpipeline.core.usecase.EditArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import io.artifactpipeline.core.model.ErrorCode;

/** A generation as a whole: what runs, what fails with what, and what a second generation redoes. */
class CascadeRunnerTest {
    private final TestPipeline t = TestPipeline.create();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aFullGenerationWritesAllFiveAtVersionOne() {
        Project project = t.project(ALICE);
        Generation generation = t.generate(ALICE, project.id());

        assertThat(generation.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(generation.startedAt()).isNotNull();
        assertThat(generation.finishedAt()).isNotNull();
        assertThat(generation.items()).extracting(GenerationItem::type)
                .containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(generation.items()).allMatch(i -> i.status() == GenerationItem.Status.SUCCEEDED && i.error() == null);
        assertThat(t.artifacts(ALICE, project.id()).values()).hasSize(5).allSatisfy(artifact -> {
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.IDLE);
            assertThat(artifact.versionNumber()).isEqualTo(1);
            assertThat(artifact.previousContent()).isNull();
            assertThat(artifact.error()).isNull();
            assertThat(artifact.currentContent()).isNotEmpty();
        });
        assertThat(t.model().requests()).hasSize(5);
    }

    @Test
    void whenTheBriefFailsTheOtherFourFailWithoutBeingAttempted() {
        t.model().then(BRIEF, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        assertThat(generation.state()).isEqualTo(GenerationState.FAILED);
        assertThat(t.model().requests()).extracting(ModelRequest::type).containsExactly(BRIEF);
        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts.get(BRIEF).error().code()).isEqualTo(ErrorCode.MODEL_TIMEOUT);
        for (ArtifactType dependent : new ArtifactType[] {MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS}) {
            assertFailedBecauseOfADependency(artifacts.get(dependent), generation);
        }
    }

    @Test
    void whenTheMvpScopeFailsTheThreeAfterItFailWithoutBeingAttempted() {
        t.model().then(MVP_SCOPE, new Behaviour.Fail(ModelFailure.Reason.OVERLOADED));
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        assertThat(generation.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(t.model().requests()).extracting(ModelRequest::type).containsExactly(BRIEF, MVP_SCOPE);
        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts.get(BRIEF).status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(artifacts.get(BRIEF).versionNumber()).isEqualTo(1);
        assertThat(artifacts.get(MVP_SCOPE).error().code()).isEqualTo(ErrorCode.MODEL_OVERLOADED);
        assertThat(generation.item(MVP_SCOPE).orElseThrow().error().code()).isEqualTo(ErrorCode.MODEL_OVERLOADED);
        for (ArtifactType dependent : new ArtifactType[] {MILESTONES, RISK_LOG, HOW_IT_WORKS}) {
            assertFailedBecauseOfADependency(artifacts.get(dependent), generation);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactType.class, names = {"MILESTONES", "RISK_LOG", "HOW_IT_WORKS"})
    void whenOneOfTheLastThreeFailsTheOthersStillSucceed(ArtifactType failing) {
        t.model().then(failing, new Behaviour.Fail(ModelFailure.Reason.RATE_LIMITED));
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        assertThat(generation.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(t.model().requests()).hasSize(5);
        t.artifacts(ALICE, project.id()).forEach((type, artifact) -> {
            if (type == failing) {
                assertThat(artifact.status()).isEqualTo(ArtifactStatus.FAILED);
                assertThat(artifact.error().code()).isEqualTo(ErrorCode.MODEL_RATE_LIMITED);
                assertThat(artifact.versionNumber()).isZero();
            } else {
                assertThat(artifact.status()).as("%s", type).isEqualTo(ArtifactStatus.IDLE);
                assertThat(artifact.versionNumber()).isEqualTo(1);
            }
        });
    }

    @Test
    void theModelsFailureReasonBecomesTheArtifactsErrorCode() {
        t.model().then(RISK_LOG, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        t.model().then(HOW_IT_WORKS, new Behaviour.Fail(ModelFailure.Reason.REFUSED));
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts.get(RISK_LOG).error())
                .isEqualTo(new ArtifactError(ErrorCode.MODEL_TIMEOUT, "the fake model was told to fail"));
        assertThat(artifacts.get(HOW_IT_WORKS).error().code()).isEqualTo(ErrorCode.MODEL_REFUSED);
        assertThat(generation.item(RISK_LOG).orElseThrow().error()).isEqualTo(artifacts.get(RISK_LOG).error());
    }

    @Test
    void anInvalidAnswerRepairedOnceIsStored() {
        t.model().then(MILESTONES, new Behaviour.AnswerInvalid());
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        assertThat(generation.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(t.model().requestsFor(MILESTONES)).hasSize(2);
        assertThat(t.model().requestsFor(MILESTONES).get(1).repair().orElseThrow().violations()).isNotEmpty();
        assertThat(t.artifact(ALICE, project.id(), MILESTONES).versionNumber()).isEqualTo(1);
    }

    @Test
    void twoInvalidAnswersFailTheArtifactWithInvalidOutput() {
        t.model().then(MILESTONES, new Behaviour.AnswerInvalid(), new Behaviour.AnswerInvalid());
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        Artifact milestones = t.artifact(ALICE, project.id(), MILESTONES);
        assertThat(milestones.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(milestones.error().code()).isEqualTo(ErrorCode.INVALID_OUTPUT);
        assertThat(milestones.error().message()).contains("/milestones: is required", "/nonsense");
        assertThat(milestones.currentContent()).as("invalid output is never stored").isEmpty();
        assertThat(generation.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(t.model().requestsFor(MILESTONES)).hasSize(2);
    }

    @Test
    void sectionsAboveTheTierAreNeverStored() {
        for (ArtifactType type : ArtifactType.values()) {
            t.model().then(type, new Behaviour.AnswerAllTiers());
        }
        Project project = t.project(ALICE);

        t.generate(ALICE, project.id());

        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        assertThat(brief.currentContent().has("market_analysis")).isFalse();
        assertThat(brief.currentContent().has("competitive_strategy")).isFalse();
        t.artifacts(ALICE, project.id()).values().forEach(a -> assertThat(a.currentContent())
                .isEqualTo(io.artifactpipeline.core.testing.SampleContent.forTier(a.type(), ALICE.tier())));
    }

    @Test
    void anUnexpectedErrorOfTheModelFailsOnlyThatArtifact() {
        try (TestPipeline broken = TestPipeline.withModel(fake -> request -> {
            if (request.type() == RISK_LOG) {
                throw new IllegalStateException("bug in an adapter");
            }
            return fake.write(request);
        })) {
            Project project = broken.project(ALICE);
            Generation generation = broken.generate(ALICE, project.id());

            assertThat(generation.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
            Map<ArtifactType, Artifact> artifacts = broken.artifacts(ALICE, project.id());
            assertThat(artifacts.get(RISK_LOG).error().code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(artifacts.get(RISK_LOG).error().message()).doesNotContain("bug in an adapter");
            assertThat(artifacts.get(MILESTONES).status()).isEqualTo(ArtifactStatus.IDLE);
            assertThat(artifacts.get(HOW_IT_WORKS).status()).isEqualTo(ArtifactStatus.IDLE);
        }
    }

    @Test
    void generatingAgainRetriesOnlyWhatFailedAndLeavesFinishedWorkAndEditsAlone() {
        t.model().then(MILESTONES, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.project(ALICE);
        t.generate(ALICE, project.id());
        // An artifact nothing depends on: an edit of the brief would make the others stale, and so due.
        Artifact explainer = t.artifact(ALICE, project.id(), HOW_IT_WORKS);
        t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(explainer.id(), "architecture", TextNode.valueOf("Chain bakeries")));
        Map<ArtifactType, Artifact> before = t.artifacts(ALICE, project.id());

        Generation retry = t.generate(ALICE, project.id());

        assertThat(retry.items()).extracting(GenerationItem::type).containsExactly(MILESTONES);
        assertThat(retry.state()).isEqualTo(GenerationState.SUCCEEDED);
        Map<ArtifactType, Artifact> after = t.artifacts(ALICE, project.id());
        for (ArtifactType finished : new ArtifactType[] {BRIEF, MVP_SCOPE, RISK_LOG, HOW_IT_WORKS}) {
            assertThat(after.get(finished)).as("%s untouched", finished).isEqualTo(before.get(finished));
        }
        assertThat(after.get(HOW_IT_WORKS).editedSections()).containsExactly("architecture");
        assertThat(after.get(HOW_IT_WORKS).versionNumber()).isEqualTo(1);
        assertThat(after.get(MILESTONES).status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(after.get(MILESTONES).versionNumber()).isEqualTo(1);
        assertThat(after.get(MILESTONES).error()).isNull();
        assertThat(t.model().requestsFor(MILESTONES)).hasSize(2);
        assertThat(t.model().requestsFor(BRIEF)).hasSize(1);
    }

    @Test
    void generatingAgainAfterTheBriefFailedRetriesAllFive() {
        t.model().then(BRIEF, new Behaviour.Fail(ModelFailure.Reason.UNAVAILABLE));
        Project project = t.project(ALICE);
        t.generate(ALICE, project.id());

        Generation retry = t.generate(ALICE, project.id());

        assertThat(retry.items()).extracting(GenerationItem::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(retry.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(t.artifacts(ALICE, project.id()).values())
                .allSatisfy(a -> assertThat(a.versionNumber()).isEqualTo(1));
    }

    @Test
    void generatingAgainAfterTheMvpScopeFailedKeepsTheBriefAndRetriesTheRest() {
        t.model().then(MVP_SCOPE, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.project(ALICE);
        t.generate(ALICE, project.id());

        Generation retry = t.generate(ALICE, project.id());

        assertThat(retry.items()).extracting(GenerationItem::type)
                .containsExactly(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(retry.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(t.model().requestsFor(BRIEF)).hasSize(1);
    }

    @Test
    void forceRegeneratesAllFiveIncludingEditedOnes() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        Artifact edited = t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chain bakeries")));

        Generation forced = t.run(ALICE, t.start(ALICE, project.id(), true));

        assertThat(forced.items()).extracting(GenerationItem::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(forced.state()).isEqualTo(GenerationState.SUCCEEDED);
        Map<ArtifactType, Artifact> after = t.artifacts(ALICE, project.id());
        assertThat(after.values()).allSatisfy(a -> assertThat(a.versionNumber()).isEqualTo(2));
        assertThat(after.get(BRIEF).editedSections()).isEmpty();
        assertThat(after.get(BRIEF).previousContent()).isEqualTo(edited.currentContent());
        assertThat(t.history(ALICE, brief.id()).getFirst().source())
                .isEqualTo(RevisionSource.REGENERATED);
    }

    @Test
    void eachWrittenArtifactIsRecordedAsAGeneratedRevision() {
        Project project = t.generatedProject(ALICE);
        for (Artifact artifact : t.artifacts(ALICE, project.id()).values()) {
            assertThat(t.history(ALICE, artifact.id())).singleElement().satisfies(revision -> {
                assertThat(revision.source()).isEqualTo(RevisionSource.GENERATED);
                assertThat(revision.content()).isEqualTo(artifact.currentContent());
            });
        }
    }

    private static void assertFailedBecauseOfADependency(Artifact artifact, Generation generation) {
        assertThat(artifact.status()).as("%s", artifact.type()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(artifact.error().code()).as("%s", artifact.type()).isEqualTo(ErrorCode.DEPENDENCY_FAILED);
        assertThat(artifact.versionNumber()).isZero();
        GenerationItem item = generation.item(artifact.type()).orElseThrow();
        assertThat(item.status()).isEqualTo(GenerationItem.Status.FAILED);
        assertThat(item.error().code()).isEqualTo(ErrorCode.DEPENDENCY_FAILED);
    }
}
