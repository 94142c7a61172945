package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.TestPipeline;
import io.artifactpipeline.core.usecase.EditArtifact;
import io.artifactpipeline.core.usecase.RegenerateArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import io.artifactpipeline.core.model.ErrorCode;
import java.util.Optional;

/** "Depends on" is real: what each model request carries. */
class CascadeContextTest {
    private final TestPipeline t = TestPipeline.create();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void theBriefIsWrittenFromTheProjectAlone() {
        Project project = t.generatedProject(ALICE);

        ModelRequest request = t.model().requestsFor(BRIEF).getFirst();

        assertThat(request.dependencies()).isEmpty();
        assertThat(request.project().idea()).isEqualTo("Forecast bread demand for small bakeries");
        assertThat(request.project().answers()).containsExactly(
                java.util.Map.entry("Who pays?", "The bakery owner"), java.util.Map.entry("Why now?", "Flour prices doubled"));
        assertThat(request.project().id()).isEqualTo(project.id());
    }

    @Test
    void theMvpScopeRequestCarriesTheBriefsCurrentContent() {
        Project project = t.generatedProject(ALICE);

        ModelRequest request = t.model().requestsFor(MVP_SCOPE).getFirst();

        assertThat(request.dependencies()).containsOnlyKeys(BRIEF);
        assertThat(request.dependencies().get(BRIEF)).isEqualTo(t.artifact(ALICE, project.id(), BRIEF).currentContent());
        assertThat(request.dependencies().get(BRIEF).get("problem_statement").asText())
                .as("written for this project").startsWith(project.idea());
        assertThat(request.project().idea()).isEqualTo(project.idea());
    }

    @Test
    void theLastThreeCarryTheBriefAndTheMvpScopeInGenerationOrder() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        Artifact scope = t.artifact(ALICE, project.id(), MVP_SCOPE);

        for (ArtifactType leaf : new ArtifactType[] {MILESTONES, ArtifactType.RISK_LOG, ArtifactType.HOW_IT_WORKS}) {
            ModelRequest request = t.model().requestsFor(leaf).getFirst();
            assertThat(request.dependencies().keySet()).as("%s", leaf).containsExactly(BRIEF, MVP_SCOPE);
            assertThat(request.dependencies().get(BRIEF)).isEqualTo(brief.currentContent());
            assertThat(request.dependencies().get(MVP_SCOPE)).isEqualTo(scope.currentContent());
        }
    }

    @Test
    void aFirstWriteHasNoPreviousContentInstructionsOrRepair() {
        t.generatedProject(ALICE);
        assertThat(t.model().requests()).hasSize(5).allSatisfy(request -> {
            assertThat(request.previousContent()).isEmpty();
            assertThat(request.isRegeneration()).isFalse();
            assertThat(request.instructions()).isEmpty();
            assertThat(request.repair()).isEmpty();
        });
    }

    @Test
    void theRequestAsksForTheCallersTierOnly() {
        Actor partner = Actor.of("paula", Tier.PARTNER);
        t.generatedProject(partner);

        ModelRequest request = t.model().requestsFor(BRIEF).getFirst();

        assertThat(request.tier()).isEqualTo(Tier.PARTNER);
        assertThat(request.sections()).containsExactlyElementsOf(ArtifactSchemas.of(BRIEF).sectionKeysFor(Tier.PARTNER));
        assertThat(request.schema()).isEqualTo(ArtifactSchemas.of(BRIEF).jsonSchema(Tier.PARTNER));
    }

    @Test
    void aRegenerationCarriesThePreviousContentTheInstructionsAndTheEditedDependencies() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        Artifact editedBrief = t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chain bakeries")));
        Artifact scope = t.artifact(ALICE, project.id(), MVP_SCOPE);

        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(scope.id(), false, Optional.of("Fewer features")));
        t.pipeline().worker().drain();

        ModelRequest request = t.model().requestsFor(MVP_SCOPE).getLast();
        assertThat(request.previousContent()).contains(scope.currentContent());
        assertThat(request.isRegeneration()).isTrue();
        assertThat(request.instructions()).contains("Fewer features");
        assertThat(request.dependencies().get(BRIEF)).isEqualTo(editedBrief.currentContent());
        assertThat(request.dependencies().get(BRIEF).get("target_user").asText()).isEqualTo("Chain bakeries");
    }

    @Test
    void aRetryAfterFailureIsWrittenFromTheDependenciesAsTheyAreNow() {
        t.model().then(MILESTONES, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.generatedProject(ALICE);
        Artifact scope = t.artifact(ALICE, project.id(), MVP_SCOPE);
        Artifact editedScope = t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(scope.id(), "/core_features/1/priority", TextNode.valueOf("low")));

        t.generate(ALICE, project.id());

        ModelRequest retry = t.model().requestsFor(MILESTONES).getLast();
        assertThat(retry.dependencies().get(MVP_SCOPE)).isEqualTo(editedScope.currentContent());
        assertThat(retry.previousContent()).as("it never had content").isEmpty();
    }

    @Test
    void regeneratingAnArtifactWhoseDependencyHasNoContentFailsWithoutCallingTheModel() {
        t.model().then(MVP_SCOPE, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.generatedProject(ALICE);
        Artifact milestones = t.artifact(ALICE, project.id(), MILESTONES);
        int requestsBefore = t.model().requests().size();

        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(milestones.id(), false));
        t.pipeline().worker().drain();

        Artifact after = t.artifact(ALICE, project.id(), MILESTONES);
        assertThat(after.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(after.error().code()).isEqualTo(ErrorCode.DEPENDENCY_MISSING);
        assertThat(t.model().requests()).hasSize(requestsBefore);
    }
}
