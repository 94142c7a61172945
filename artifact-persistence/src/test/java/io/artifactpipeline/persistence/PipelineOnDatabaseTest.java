package io.artifactpipeline.persistence;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import io.artifactpipeline.core.usecase.StartGeneration;

/** The core's use cases and worker running a whole generation on the embedded database. */
class PipelineOnDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void aFullGenerationIsWrittenAndKept() {
        Actor founder = Actor.of("founder-" + System.nanoTime(), Tier.PARTNER);
        try (JpaStorage storage = JpaStorage.open(DatabaseSettings.embedded(dataDir));
             ArtifactPipeline pipeline = ArtifactPipeline.builder().model(new FakeLanguageModel()).store(storage)
                     .usage(storage.usageLedger()).events(storage.artifactEvents()).build()) {
            Project project = pipeline.createProject().create(founder, new CreateProject.Command("Bakery forecasts",
                    "Forecast bread demand for small bakeries", Map.of("Who pays?", "Bakery owners")));
            pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            assertThat(pipeline.worker().drain()).isEqualTo(1);

            List<Artifact> artifacts = pipeline.listProjectArtifacts().list(founder, project.id());
            assertThat(artifacts).hasSize(5).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(ArtifactStatus.IDLE);
                assertThat(a.versionNumber()).isEqualTo(1);
                assertThat(storage.revisionPage(founder.userId(), a.id(), PageRequest.firstDefault()).items()).hasSize(1);
            });
            assertThat(storage.findActiveGeneration(founder.userId(), project.id())).isEmpty();
            assertThat(storage.usageLedger().tokensUsed(founder.userId(), LocalDate.now(ZoneOffset.UTC))).isPositive();
        }
    }
}
