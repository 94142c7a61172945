package io.artifactpipeline.llm.offline;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.artifactpipeline.llm.LanguageModels;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.TestRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole core, in memory, driven by the offline provider that LanguageModels makes by default. */
class OfflinePipelineTest {

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aGenerationWritesAllFiveArtifacts(Tier tier) {
        InMemoryUsageLedger usage = new InMemoryUsageLedger();
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().usage(usage)
                .model(LanguageModels.create(ModelSettings.offline())).build()) {
            Actor founder = Actor.of("founder-1", tier);
            Project project = pipeline.createProject().create(founder,
                    new CreateProject.Command(null, TestRequests.IDEA, TestRequests.ANSWERS));

            StartGeneration.Outcome outcome = pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            int ran = pipeline.worker().drain();

            assertThat(outcome).isInstanceOf(StartGeneration.Outcome.Started.class);
            assertThat(ran).isEqualTo(1);
            List<Artifact> artifacts = pipeline.listProjectArtifacts().list(founder, project.id());
            assertThat(artifacts).extracting(Artifact::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
            for (Artifact artifact : artifacts) {
                assertThat(artifact.status()).as(artifact.type().wireName()).isEqualTo(ArtifactStatus.IDLE);
                assertThat(artifact.error()).isNull();
                assertThat(artifact.versionNumber()).isEqualTo(1);
                assertThat(ArtifactSchemas.of(artifact.type()).validate(artifact.currentContent(), tier)).isEmpty();
                assertThat(artifact.currentContent().toString()).contains(TestRequests.IDEA);
            }
            assertThat(usage.tokensUsed(founder.userId(), LocalDate.now(ZoneOffset.UTC))).isPositive();
        }
    }
}
