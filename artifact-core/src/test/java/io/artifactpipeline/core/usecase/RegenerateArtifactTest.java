package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegenerateArtifactTest {
    private final TestPipeline t = TestPipeline.create();
    private final RegenerateArtifact regenerate = t.pipeline().regenerateArtifact();
    private final Project project = t.generatedProject(ALICE);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void anUneditedArtifactIsRewrittenAsTheNextVersion() {
        Artifact scope = artifact(MVP_SCOPE);

        RegenerateArtifact.Outcome outcome = regenerate.regenerate(ALICE, new RegenerateArtifact.Command(scope.id(), false));
        t.pipeline().worker().drain();

        assertThat(outcome).isInstanceOfSatisfying(RegenerateArtifact.Outcome.Started.class, started -> {
            assertThat(started.artifactId()).isEqualTo(scope.id());
            assertThat(started.generation().items()).extracting(GenerationItem::type).containsExactly(MVP_SCOPE);
            assertThat(t.pipeline().getGeneration().get(ALICE, started.generation().id()).state())
                    .isEqualTo(GenerationState.SUCCEEDED);
        });
        Artifact after = artifact(MVP_SCOPE);
        assertThat(after.versionNumber()).isEqualTo(2);
        assertThat(after.previousContent()).isEqualTo(scope.currentContent());
        assertThat(after.status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(artifact(MILESTONES).versionNumber()).as("dependents are left alone").isEqualTo(1);
        assertThat(artifact(BRIEF).versionNumber()).isEqualTo(1);
    }

    @Test
    void theArtifactShowsAsGeneratingOnceQueued() {
        Artifact scope = artifact(MVP_SCOPE);
        regenerate.regenerate(ALICE, new RegenerateArtifact.Command(scope.id(), false));
        assertThat(artifact(MVP_SCOPE).status()).isEqualTo(ArtifactStatus.GENERATING);
        assertThat(artifact(MVP_SCOPE).currentContent()).isEqualTo(scope.currentContent());
    }

    @Test
    void anEditedArtifactIsLeftAloneWithAWarningUnlessForced() {
        Artifact brief = edit(BRIEF, "target_user", "Chain bakeries");
        edit(BRIEF, "key_constraint", "Offline first");
        Artifact edited = artifact(BRIEF);
        int requests = t.model().requests().size();

        RegenerateArtifact.Outcome outcome = regenerate.regenerate(ALICE, new RegenerateArtifact.Command(brief.id(), false, Optional.of("x")));

        assertThat(outcome).isEqualTo(new RegenerateArtifact.Outcome.EditsWouldBeLost(brief.id(), BRIEF,
                java.util.List.of("target_user", "key_constraint")));
        assertThat(artifact(BRIEF)).isEqualTo(edited);
        assertThat(t.pipeline().worker().drain()).as("nothing was queued").isZero();
        assertThat(artifact(BRIEF)).isEqualTo(edited);
        assertThat(t.model().requests()).hasSize(requests);
        assertThat(t.history(ALICE, brief.id()).getFirst().source()).isEqualTo(RevisionSource.EDITED);
    }

    @Test
    void forceRewritesAnEditedArtifactKeepingTheOldContentAndTheAnnotations() {
        edit(BRIEF, "target_user", "Chain bakeries");
        Artifact annotated = t.pipeline().annotateArtifact().annotate(ALICE, new AnnotateArtifact.Command(artifact(BRIEF).id(), "target_user", "Ask Ana"));
        Annotation note = annotated.annotations().getFirst();

        RegenerateArtifact.Outcome outcome = regenerate.regenerate(ALICE, new RegenerateArtifact.Command(annotated.id(), true));
        t.pipeline().worker().drain();

        assertThat(outcome).isInstanceOf(RegenerateArtifact.Outcome.Started.class);
        Artifact after = artifact(BRIEF);
        assertThat(after.versionNumber()).isEqualTo(2);
        assertThat(after.previousContent()).isEqualTo(annotated.currentContent());
        assertThat(after.previousContent().get("target_user").asText()).isEqualTo("Chain bakeries");
        assertThat(after.currentContent().get("target_user").asText()).isNotEqualTo("Chain bakeries");
        assertThat(after.hasUserEdits()).isFalse();
        assertThat(after.editedSections()).isEmpty();
        assertThat(after.annotations()).containsExactly(note);
    }

    @Test
    void instructionsReachTheModel() {
        Artifact scope = artifact(MVP_SCOPE);
        regenerate.regenerate(ALICE, new RegenerateArtifact.Command(scope.id(), false, Optional.of("Fewer features")));
        t.pipeline().worker().drain();
        assertThat(t.model().requestsFor(MVP_SCOPE).getLast().instructions()).contains("Fewer features");
    }

    @Test
    void instructionsAreOptionalAndLimitedInLength() {
        ArtifactId id = new ArtifactId(UUID.randomUUID());
        assertThat(new RegenerateArtifact.Command(id, false, Optional.of("   ")).instructions()).isEmpty();
        assertThat(new RegenerateArtifact.Command(id, false, Optional.of("x".repeat(2_000))).instructions()).get()
                .asString().hasSize(2_000);
        assertThatThrownBy(() -> new RegenerateArtifact.Command(id, false, Optional.of("x".repeat(2_001))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRegenerationWhileAGenerationIsQueuedIsAConflict() {
        Generation running = t.start(ALICE, project.id(), true);
        Artifact scope = artifact(MVP_SCOPE);

        assertThatThrownBy(() -> regenerate.regenerate(ALICE, new RegenerateArtifact.Command(scope.id(), false)))
                .isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.activeGeneration()).isEqualTo(running.id()));
    }

    @Test
    void aRegenerationTheBudgetCannotCoverIsRefusedAndChangesNothing() {
        t.alreadySpent(ALICE, Tier.BOOTSTRAPPER.dailyTokenBudget());
        Map<ArtifactType, Artifact> before = t.artifacts(ALICE, project.id());

        assertThatThrownBy(() -> regenerate.regenerate(ALICE, new RegenerateArtifact.Command(before.get(MVP_SCOPE).id(), true))).isInstanceOf(BudgetExhaustedException.class);
        assertThat(t.artifacts(ALICE, project.id())).isEqualTo(before);
        assertThat(t.pipeline().worker().drain()).isZero();
    }

    private Artifact edit(ArtifactType type, String section, String value) {
        return t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(artifact(type).id(), section, TextNode.valueOf(value)));
    }

    private Artifact artifact(ArtifactType type) {
        return t.artifact(ALICE, project.id(), type);
    }
}
