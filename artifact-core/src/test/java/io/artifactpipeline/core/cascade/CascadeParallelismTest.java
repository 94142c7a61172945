package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/** After mvp_scope the last three are written at the same time: the critical path is three calls, not five. */
class CascadeParallelismTest {

    @Test
    void theLastThreeAreInTheModelAtTheSameTime() {
        CountDownLatch allThreeCalling = new CountDownLatch(3);
        try (TestPipeline t = TestPipeline.withModel(fake -> request -> {
            if (request.type().dependencies().contains(MVP_SCOPE)) {
                allThreeCalling.countDown();
                try {
                    if (!allThreeCalling.await(10, TimeUnit.SECONDS)) {
                        throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "the other leaves never came");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "interrupted");
                }
            }
            return fake.write(request);
        })) {
            Project project = t.project(ALICE);
            Generation generation = t.generate(ALICE, project.id());

            assertThat(allThreeCalling.getCount()).isZero();
            assertThat(generation.state()).isEqualTo(GenerationState.SUCCEEDED);
        }
    }

    @Test
    void nothingStartsBeforeItsDependenciesAreWritten() {
        Map<ArtifactType, Long> started = new ConcurrentHashMap<>();
        Map<ArtifactType, Long> finished = new ConcurrentHashMap<>();
        try (TestPipeline t = TestPipeline.withModel(fake -> request -> {
            started.put(request.type(), System.nanoTime());
            try {
                return fake.write(request);
            } finally {
                finished.put(request.type(), System.nanoTime());
            }
        })) {
            t.model().latency(Duration.ofMillis(50));
            Project project = t.project(ALICE);
            t.generate(ALICE, project.id());
        }
        assertThat(started.get(MVP_SCOPE)).isGreaterThanOrEqualTo(finished.get(BRIEF));
        for (ArtifactType leaf : new ArtifactType[] {MILESTONES, RISK_LOG, HOW_IT_WORKS}) {
            assertThat(started.get(leaf)).as("%s", leaf).isGreaterThanOrEqualTo(finished.get(MVP_SCOPE));
        }
    }

    @Test
    void aFullGenerationTakesAboutThreeCallsNotFive() {
        try (TestPipeline t = TestPipeline.create()) {
            t.model().latency(Duration.ofMillis(300));
            Project project = t.project(ALICE);

            long began = System.nanoTime();
            Generation generation = t.generate(ALICE, project.id());
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(generation.state()).isEqualTo(GenerationState.SUCCEEDED);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(5 * 300));
        }
    }
}
