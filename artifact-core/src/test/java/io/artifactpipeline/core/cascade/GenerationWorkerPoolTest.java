package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.StartGeneration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GenerationWorkerPoolTest {
    private static final Actor ALICE = Actor.of("alice", Tier.BOOTSTRAPPER);
    private static final GenerationWorkerPool.Settings FAST = new GenerationWorkerPool.Settings(8,
            Duration.ofMillis(50), Duration.ofSeconds(5));

    private final InMemoryStore store = new InMemoryStore();

    @Test
    void queuedGenerationsRunInTheBackground() {
        try (ArtifactPipeline pipeline = pipeline(new FakeLanguageModel(), "w1")) {
            pipeline.startWorkers(FAST);
            List<Project> projects = List.of(project(pipeline), project(pipeline), project(pipeline));
            projects.forEach(p -> pipeline.startGeneration().start(ALICE, new StartGeneration.Command(p.id(), false)));
            for (Project project : projects) {
                await().atMost(Duration.ofSeconds(10)).until(() -> allIdle(pipeline, project));
            }
        }
    }

    @Test
    void gracefulShutdownHandsBackWhatOutlivesTheGrace() {
        FakeLanguageModel slow = new FakeLanguageModel().latency(Duration.ofSeconds(30));
        ArtifactPipeline first = pipeline(slow, "w1");
        GenerationWorkerPool pool = first.startWorkers(new GenerationWorkerPool.Settings(8,
                Duration.ofMillis(50), Duration.ofMillis(200)));
        Project project = project(first);
        var started = (StartGeneration.Outcome.Started) first.startGeneration().start(ALICE, new StartGeneration.Command(project.id(), false));
        await().until(() -> pool.runningJobs() == 1);
        first.close();
        assertThat(pool.runningJobs()).isZero();

        // Handed back: another server picks it up at once, not after the 30 s lease.
        try (ArtifactPipeline second = pipeline(new FakeLanguageModel(), "w2")) {
            second.startWorkers(FAST);
            await().atMost(Duration.ofSeconds(5)).until(() -> allIdle(second, project));
            assertThat(second.getGeneration().get(ALICE, started.generation().id()).state())
                    .isEqualTo(GenerationState.SUCCEEDED);
        }
    }

    @Test
    void aHaltedServersGenerationIsTakenOverWhenItsLeaseExpires() {
        FakeLanguageModel hangs = new FakeLanguageModel().latency(Duration.ofSeconds(30));
        ArtifactPipeline crashed = ArtifactPipeline.builder().store(store).model(hangs).workerId("w1")
                .leaseLength(Duration.ofMillis(600)).build();
        GenerationWorkerPool pool = crashed.startWorkers(FAST);
        Project project = project(crashed);
        crashed.startGeneration().start(ALICE, new StartGeneration.Command(project.id(), false));
        await().until(() -> pool.runningJobs() == 1);
        CrashDrill.halt(pool);

        try (ArtifactPipeline survivor = pipeline(new FakeLanguageModel(), "w2")) {
            survivor.startWorkers(FAST);
            await().atMost(Duration.ofSeconds(10)).until(() -> allIdle(survivor, project));
            assertThat(survivor.listProjectArtifacts().list(ALICE, project.id()))
                    .allSatisfy(a -> assertThat(a.versionNumber()).isEqualTo(1));
        }
    }

    private ArtifactPipeline pipeline(FakeLanguageModel model, String workerId) {
        return ArtifactPipeline.builder().store(store).model(model).workerId(workerId).build();
    }

    private static Project project(ArtifactPipeline pipeline) {
        return pipeline.createProject().create(ALICE, new CreateProject.Command(null, "Forecast bread demand", Map.of("Who?", "Bakers")));
    }

    private static boolean allIdle(ArtifactPipeline pipeline, Project project) {
        List<Artifact> artifacts = pipeline.listProjectArtifacts().list(ALICE, project.id());
        return artifacts.size() == 5 && artifacts.stream().allMatch(a -> a.status() == ArtifactStatus.IDLE && a.hasContent());
    }
}
