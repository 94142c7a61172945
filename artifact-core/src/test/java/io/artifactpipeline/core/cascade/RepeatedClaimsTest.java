package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.memory.InMemoryArtifactEvents;
import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.StartGeneration;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedClaimsTest {
    private static final Actor FOUNDER = Actor.of("founder", Tier.BOOTSTRAPPER);

    private final TokenBudget budget = new TokenBudget(new InMemoryUsageLedger(), Clock.systemUTC(),
            TokenBudget.DEFAULT_ESTIMATE_PER_CALL);

    @Test
    void aGenerationClaimedTooOftenFailsWhatIsLeftInsteadOfStayingGeneratingForever() {
        InMemoryStore store = new InMemoryStore();
        FakeLanguageModel model = new FakeLanguageModel();
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().store(store).model(model).build()) {
            Project project = pipeline.createProject().create(FOUNDER, new CreateProject.Command(null, "An idea", Map.of()));
            pipeline.startGeneration().start(FOUNDER, new StartGeneration.Command(project.id(), false));
            ClaimedGeneration claim = null;
            for (int i = 0; i <= CascadeRunner.MAX_CLAIMS; i++) { // each claim handed back, as by a dying server
                claim = store.claimNext("w" + i, Instant.now(), Duration.ofSeconds(30)).orElseThrow();
                if (i < CascadeRunner.MAX_CLAIMS) {
                    store.release(claim.lease());
                }
            }

            Generation finished = new CascadeRunner(store, store, new ArtifactWriter(model, budget, false),
                    new InMemoryArtifactEvents(), Clock.systemUTC()).run(claim);

            assertThat(finished.state()).isEqualTo(GenerationState.FAILED);
            assertThat(model.requests()).isEmpty();
            assertThat(pipeline.listProjectArtifacts().list(FOUNDER, project.id()))
                    .extracting(Artifact::status).containsOnly(ArtifactStatus.FAILED);
            assertThat(pipeline.listProjectArtifacts().list(FOUNDER, project.id()).getFirst().error().message())
                    .contains("gave up after " + CascadeRunner.MAX_CLAIMS);
        }
    }
}
