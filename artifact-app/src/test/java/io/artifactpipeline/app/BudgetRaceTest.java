package io.artifactpipeline.app;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.budget.DailyBudgets;
import io.artifactpipeline.core.cascade.GenerationWorkerPool;
import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.artifactpipeline.persistence.DatabaseSettings;
import io.artifactpipeline.persistence.JpaStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One user starts 30 generations at once over 10 projects, through two servers sharing one PostgreSQL,
 * with a daily budget that covers only a few model calls: however the calls interleave, the day's
 * recorded usage never passes the budget, and what could not be paid for fails saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetRaceTest {
    private static final long PER_CALL = FakeLanguageModel.USAGE_PER_CALL.total();
    private static final long BUDGET = 5 * PER_CALL + PER_CALL / 2;

    private ThrowawayPostgres database;

    @BeforeAll
    void createDatabase() {
        database = ThrowawayPostgres.createOrSkip();
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void concurrentGenerationsOfOneUserOnTwoServersStayWithinTheDailyBudget() throws Exception {
        Actor founder = Actor.of("racer-" + UUID.randomUUID(), Tier.BOOTSTRAPPER);
        try (Server first = new Server(database); Server second = new Server(database)) {
            List<Project> projects = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                projects.add(first.pipeline.createProject().create(founder,
                        new CreateProject.Command(null, "Idea " + i + ": forecast bread demand", Map.of())));
            }
            try (ExecutorService starters = Executors.newFixedThreadPool(30)) {
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    Server server = i % 2 == 0 ? first : second;
                    Project project = projects.get(i % projects.size());
                    starts.add(starters.submit(() -> start(server, founder, project)));
                }
                for (Future<?> start : starts) {
                    start.get();
                }
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> projects.stream().allMatch(p ->
                    first.pipeline.listProjectArtifacts().list(founder, p.id()).stream()
                            .noneMatch(a -> a.status() == ArtifactStatus.GENERATING)));

            long used = first.storage.usageLedger().tokensUsed(founder.userId(), LocalDate.now(ZoneOffset.UTC));
            assertThat(used).isPositive().isLessThanOrEqualTo(BUDGET);
            List<Artifact> all = projects.stream()
                    .flatMap(p -> first.pipeline.listProjectArtifacts().list(founder, p.id()).stream()).toList();
            assertThat(all).filteredOn(a -> a.status() == ArtifactStatus.IDLE).hasSizeLessThanOrEqualTo(5);
            assertThat(all).filteredOn(a -> a.status() == ArtifactStatus.FAILED)
                    .extracting(a -> a.error().code())
                    .contains(ErrorCode.BUDGET_EXHAUSTED);
        }
    }

    /** Starts are refused as they would be over HTTP: the project is busy, or the budget is spent. */
    private static void start(Server server, Actor founder, Project project) {
        try {
            server.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
        } catch (DomainException refused) {
            // 409 or 429 for this start; the others go on
        }
    }

    /** A server: its own connection pool, pipeline and workers, on the shared database. */
    private static final class Server implements AutoCloseable {
        final JpaStorage storage;
        final ArtifactPipeline pipeline;

        Server(ThrowawayPostgres database) {
            storage = JpaStorage.open(new DatabaseSettings(database.url(), ThrowawayPostgres.USER, null, 8));
            pipeline = ArtifactPipeline.builder().store(storage).usage(storage.usageLedger())
                    .events(storage.artifactEvents())
                    .model(new FakeLanguageModel().latency(Duration.ofMillis(50)))
                    .estimatedTokensPerCall(PER_CALL)
                    .dailyBudgets(DailyBudgets.defaults().with(Tier.BOOTSTRAPPER, BUDGET))
                    .maxActiveGenerationsPerUser(30)
                    .build();
            pipeline.startWorkers(new GenerationWorkerPool.Settings(8, Duration.ofMillis(50), Duration.ofSeconds(5)));
        }

        @Override
        public void close() {
            pipeline.close();
            storage.close();
        }
    }
}
