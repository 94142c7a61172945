package io.artifactpipeline.app;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.cascade.CrashDrill;
import io.artifactpipeline.core.cascade.GenerationWorkerPool;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.artifactpipeline.persistence.DatabaseSettings;
import io.artifactpipeline.persistence.JpaStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Durable background generation on a real PostgreSQL, with several "servers" (storage + pipeline +
 * worker pool each) sharing one database, as a deployment would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundGenerationTest {
    private static final Duration SHORT_LEASE = Duration.ofSeconds(2);

    private ThrowawayPostgres database;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeAll
    void createDatabase() {
        database = ThrowawayPostgres.createOrSkip();
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers.reversed()) {
            server.close();
        }
        servers.clear();
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aGenerationOfACrashedServerIsFinishedByAnotherAndNothingIsWrittenTwice() {
        Server crashed = server(new FakeLanguageModel().latency(Duration.ofMillis(700)), 4);
        Actor founder = founder();
        Project project = project(crashed, founder);
        var started = (StartGeneration.Outcome.Started) crashed.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> artifact(crashed, founder, project, ArtifactType.BRIEF).hasContent());

        CrashDrill.halt(crashed.pool); // mid-cascade: mvp_scope is with the model, nothing is handed back

        Server survivor = server(new FakeLanguageModel(), 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> generationOf(survivor, founder, started).state()
                == GenerationState.SUCCEEDED);
        List<Artifact> artifacts = survivor.pipeline.listProjectArtifacts().list(founder, project.id());
        assertThat(artifacts).hasSize(5).allSatisfy(artifact -> {
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.IDLE);
            assertThat(artifact.versionNumber()).isEqualTo(1);
            assertThat(survivor.pipeline.listRevisions().list(founder, ListRevisions.Query.newest(artifact.id())).items()).hasSize(1);
        });
    }

    @Test
    void generationsSpreadOverTwoServersEachRunExactlyOnce() {
        Server first = server(new FakeLanguageModel().latency(Duration.ofMillis(20)), 3);
        Server second = server(new FakeLanguageModel().latency(Duration.ofMillis(20)), 3);
        List<Started> startedGenerations = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Server entry = i % 2 == 0 ? first : second;
            Actor founder = founder();
            Project project = project(entry, founder);
            var outcome = (StartGeneration.Outcome.Started) entry.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            startedGenerations.add(new Started(founder, project, outcome));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> startedGenerations.stream()
                .allMatch(s -> generationOf(first, s.founder(), s.outcome()).state() == GenerationState.SUCCEEDED));
        for (Started started : startedGenerations) {
            for (Artifact artifact : first.pipeline.listProjectArtifacts().list(started.founder(), started.project().id())) {
                assertThat(artifact.versionNumber()).isEqualTo(1);
                assertThat(first.pipeline.listRevisions().list(started.founder(), ListRevisions.Query.newest(artifact.id())).items()).hasSize(1);
            }
        }
    }

    @Test
    void aProjectsSecondGenerationIsRefusedWhicheverServerGetsIt() {
        Server first = server(new FakeLanguageModel().latency(Duration.ofMillis(500)), 2);
        Server second = server(new FakeLanguageModel(), 2);
        Actor founder = founder();
        Project project = project(first, founder);
        var running = (StartGeneration.Outcome.Started) first.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), true));
        assertThatThrownBy(() -> second.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), true)))
                .isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.activeGeneration()).isEqualTo(running.generation().id()));
        assertThatThrownBy(() -> first.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), true)))
                .isInstanceOf(GenerationConflictException.class);
    }

    @Test
    void aModelThatFailsOrHangsFailsOnlyItsArtifact() {
        LanguageModel fake = new FakeLanguageModel();
        LanguageModel riskLogHangsUntilTimeout = request -> {
            if (request.type() == ArtifactType.RISK_LOG) {
                try {
                    Thread.sleep(300); // what an adapter's per-call timeout turns a hang into
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "the model did not answer in time");
            }
            return fake.write(request);
        };
        Server server = server(riskLogHangsUntilTimeout, 2);
        Actor founder = founder();
        Project project = project(server, founder);
        var started = (StartGeneration.Outcome.Started) server.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
        await().atMost(Duration.ofSeconds(20)).until(() -> !generationOf(server, founder, started).state().isActive());

        assertThat(generationOf(server, founder, started).state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        for (Artifact artifact : server.pipeline.listProjectArtifacts().list(founder, project.id())) {
            if (artifact.type() == ArtifactType.RISK_LOG) {
                assertThat(artifact.status()).isEqualTo(ArtifactStatus.FAILED);
                assertThat(artifact.error().code()).isEqualTo(ErrorCode.MODEL_TIMEOUT);
            } else {
                assertThat(artifact.status()).isEqualTo(ArtifactStatus.IDLE);
            }
        }
    }

    @Test
    void anotherServersWatcherSeesAWholeGenerationInOrder() {
        Server writer = server(new FakeLanguageModel().latency(Duration.ofMillis(50)), 2);
        Server watcherSide = server(new FakeLanguageModel(), 1);
        watcherSide.pool.close(); // this server only watches
        Actor founder = founder();
        Project project = project(writer, founder);
        List<ArtifactChange> seen = new CopyOnWriteArrayList<>();
        ArtifactEvents.Subscription subscription = watcherSide.pipeline.watchProject().watch(founder, project.id(), seen::add);
        try {
            writer.pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream()
                    .filter(c -> c.kind() == ArtifactChange.Kind.CONTENT_WRITTEN).count() == 5);
        } finally {
            subscription.close();
        }
        List<String> brief = kinds(seen, ArtifactType.BRIEF);
        assertThat(brief).containsExactly("STATUS_CHANGED:GENERATING", "CONTENT_WRITTEN:IDLE");
        assertThat(kinds(seen, ArtifactType.RISK_LOG)).containsExactly("STATUS_CHANGED:GENERATING", "CONTENT_WRITTEN:IDLE");
        List<ArtifactType> writtenOrder = seen.stream().filter(c -> c.kind() == ArtifactChange.Kind.CONTENT_WRITTEN)
                .map(ArtifactChange::type).toList();
        assertThat(writtenOrder.subList(0, 2)).containsExactly(ArtifactType.BRIEF, ArtifactType.MVP_SCOPE);
        assertThat(writtenOrder.subList(2, 5)).containsExactlyInAnyOrder(ArtifactType.MILESTONES, ArtifactType.RISK_LOG,
                ArtifactType.HOW_IT_WORKS);
    }

    // --- a "server": its own connection pool, pipeline and workers on the shared database

    private record Server(JpaStorage storage, ArtifactPipeline pipeline, GenerationWorkerPool pool) implements AutoCloseable {
        @Override
        public void close() {
            pipeline.close(); // graceful: stops the workers, hands back what is still running
            storage.close();
        }
    }

    private record Started(Actor founder, Project project, StartGeneration.Outcome.Started outcome) {
    }

    private Server server(LanguageModel model, int jobs) {
        JpaStorage storage = JpaStorage.open(new DatabaseSettings(database.url(), ThrowawayPostgres.USER, null, 8));
        ArtifactPipeline pipeline = ArtifactPipeline.builder().store(storage).usage(storage.usageLedger())
                .events(storage.artifactEvents()).model(model).leaseLength(SHORT_LEASE).build();
        GenerationWorkerPool pool = pipeline.startWorkers(new GenerationWorkerPool.Settings(jobs,
                Duration.ofMillis(100), Duration.ofSeconds(5)));
        Server server = new Server(storage, pipeline, pool);
        servers.add(server);
        return server;
    }

    private static Actor founder() {
        return Actor.of("founder-" + java.util.UUID.randomUUID(), Tier.PARTNER);
    }

    private static Project project(Server server, Actor founder) {
        return server.pipeline.createProject().create(founder,
                new CreateProject.Command(null, "Forecast bread demand for small bakeries", Map.of("Who pays?", "Bakery owners")));
    }

    private static Artifact artifact(Server server, Actor founder, Project project, ArtifactType type) {
        return server.pipeline.listProjectArtifacts().list(founder, project.id()).stream()
                .filter(a -> a.type() == type).findFirst().orElseThrow();
    }

    private static Generation generationOf(Server server, Actor founder, StartGeneration.Outcome.Started started) {
        return server.pipeline.getGeneration().get(founder, started.generation().id());
    }

    private static List<String> kinds(List<ArtifactChange> changes, ArtifactType type) {
        return changes.stream().filter(c -> c.type() == type).map(c -> c.kind() + ":" + c.status()).toList();
    }
}
