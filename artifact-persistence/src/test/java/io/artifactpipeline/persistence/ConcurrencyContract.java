package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The rules the database enforces, raced with real threads. Two storages on one database stand in for two
 * servers: nothing in one JVM object can have serialized them. Each database's test opens the two and
 * empties the database before each test.
 */
abstract class ConcurrencyContract {
    static final int THREADS = 20;

    static JpaStorage serverA;
    static JpaStorage serverB;

    /** Deletes every row, so that claims see only this test's generations. */
    abstract void empty() throws SQLException;

    /** Runs a count query with one id parameter behind the adapter's back. */
    abstract long count(String sql, UUID id) throws SQLException;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        empty();
    }

    @Test
    void ofTwentyConcurrentStartsForOneProjectExactlyOneIsQueued() throws Exception {
        UserId owner = Fixtures.user();
        Project project = Fixtures.project(serverA, owner);
        List<Generation> attempts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            attempts.add(Fixtures.generationOf(project, Fixtures.newArtifacts(project)));
        }

        List<Outcome<Generation>> outcomes = race(THREADS, i -> {
            Generation attempt = attempts.get(i);
            List<Artifact> artifacts = attempt.items().stream()
                    .map(item -> Artifact.awaitingFirstGeneration(item.artifactId(), project.id(), item.type(), 1,
                            attempt.createdAt()))
                    .toList();
            return server(i).enqueue(attempt, artifacts, Integer.MAX_VALUE);
        });

        List<Generation> queued = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(queued).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.activeGeneration()).isEqualTo(queued.getFirst().id())));
        assertThat(count("select count(*) from generation where project_id = ?", project.id().value())).isEqualTo(1);
        assertThat(count("select count(*) from artifact where project_id = ?", project.id().value())).isEqualTo(5);
        assertThat(serverB.findActiveGeneration(owner, project.id())).get().extracting(Generation::id)
                .isEqualTo(queued.getFirst().id());
    }

    @Test
    void racingWorkersClaimAQueuedGenerationOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            empty();
            Project project = Fixtures.project(serverA, Fixtures.user());
            Generation generation = Fixtures.enqueueAll(serverA, project);
            Instant now = Fixtures.now();

            List<Outcome<Optional<ClaimedGeneration>>> outcomes = race(8, i ->
                    server(i).claimNext("worker-" + i, now, Fixtures.LEASE));

            List<ClaimedGeneration> claims = outcomes.stream().map(Outcome::value).flatMap(Optional::stream).toList();
            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertThat(claims).singleElement().satisfies(claim -> {
                assertThat(claim.generation().id()).isEqualTo(generation.id());
                assertThat(claim.lease().fencingToken()).isEqualTo(1);
            });
        }
    }

    @Test
    void aWorkerWhoseLeaseRanOutAndWasTakenOverWritesNothing() throws Exception {
        UserId owner = Fixtures.user();
        Project project = Fixtures.project(serverA, owner);
        Fixtures.enqueueAll(serverA, project);
        ClaimedGeneration slow = serverA.claimNext("slow", Instant.now(), Duration.ofMillis(300)).orElseThrow();

        ClaimedGeneration takeover = await().atMost(Duration.ofSeconds(10))
                .until(() -> serverB.claimNext("fast", Instant.now(), Fixtures.LEASE), Optional::isPresent).orElseThrow();
        assertThat(takeover.lease().fencingToken()).isGreaterThan(slow.lease().fencingToken());

        Artifact brief = brief(serverA, owner, project);
        Artifact written = brief.withGeneratedContent(SampleContent.full(ArtifactType.BRIEF), 1, Instant.now());
        assertThatThrownBy(() -> serverA.recordWritten(slow.lease(), written, written.generatedRevision(), List.of(), Instant.now()))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> serverA.recordFailed(slow.lease(), brief.failed(
                new io.artifactpipeline.core.model.ArtifactError(io.artifactpipeline.core.model.ErrorCode.INTERNAL, "y"), Instant.now()), List.of(), Instant.now()))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> serverA.finish(slow.lease(), Instant.now())).isInstanceOf(LeaseLostException.class);
        serverA.release(slow.lease());

        Artifact after = brief(serverB, owner, project);
        assertThat(after).isEqualTo(brief);
        assertThat(serverB.revisionPage(owner, brief.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()).isEmpty();
        assertThat(serverB.findGeneration(owner, takeover.generation().id()).orElseThrow().items())
                .allMatch(item -> item.status() == GenerationItem.Status.PENDING);
        // the new holder is unaffected by the old one's attempts, including its release
        assertThat(serverB.claimNext("third", Instant.now(), Fixtures.LEASE)).isEmpty();
        Fixtures.write(serverB, takeover, after, Instant.now());
        assertThat(brief(serverA, owner, project).status()).isEqualTo(ArtifactStatus.IDLE);
    }

    @Test
    void leasesAreJudgedByTheDatabasesClockNotBySkewedServerClocks() {
        UserId owner = Fixtures.user();
        Project project = Fixtures.project(serverA, owner);
        Fixtures.enqueueAll(serverA, project);
        Instant anHourBehind = Instant.now().minus(Duration.ofHours(1));
        ClaimedGeneration live = serverA.claimNext("behind", anHourBehind, Fixtures.LEASE).orElseThrow();
        assertThat(live.lease().expiresAt()).as("given by the database's time").isAfter(Instant.now().plusSeconds(20));

        Instant anHourAhead = Instant.now().plus(Duration.ofHours(1));
        assertThat(serverB.claimNext("ahead", anHourAhead, Fixtures.LEASE))
                .as("a server whose clock runs ahead takes over nothing that is alive").isEmpty();
        Artifact brief = brief(serverA, owner, project);
        Artifact written = brief.withGeneratedContent(SampleContent.full(ArtifactType.BRIEF), 1, anHourAhead);
        assertThat(serverA.recordWritten(live.lease(), written, written.generatedRevision(), List.of(), anHourAhead).versionNumber())
                .as("and the holder's writes are judged by the database's time too").isEqualTo(1);
    }

    @Test
    void concurrentEditsOfOneArtifactAreNeverSilentlyLost() throws Exception {
        UserId owner = Fixtures.user();
        Artifact brief = Fixtures.generatedProject(serverA, owner).getFirst();

        // Each writer adds its own key from the version it read; a stale one is refused, never merged away.
        Set<Integer> landed = ConcurrentHashMap.newKeySet();
        List<Outcome<Artifact>> outcomes = race(THREADS, i -> {
            JpaStorage server = server(i);
            Artifact read = server.findArtifact(owner, brief.id()).orElseThrow();
            SectionPath path = SectionPath.parse("writer_" + i);
            Artifact edited = read.withEdit(path, instance.textNode("from " + i), Instant.now());
            Artifact saved = server.saveEdit(edited, read.rowVersion(), edited.editRevision(owner, path));
            landed.add(i);
            return saved;
        });
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(StaleArtifactException.class));
        assertThat(landed).isNotEmpty();

        Artifact afterRace = serverB.findArtifact(owner, brief.id()).orElseThrow();
        assertThat(writerKeys(afterRace)).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(serverB.revisionPage(owner, brief.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()).hasSize(1 + landed.size());
        assertThat(afterRace.rowVersion()).isEqualTo(brief.rowVersion() + landed.size());

        // Writers that retry on a stale refusal (as EditArtifact does without If-Match) all land.
        int base = THREADS;
        race(THREADS, i -> {
            JpaStorage server = server(i);
            for (int attempt = 0; ; attempt++) {
                Artifact read = server.findArtifact(owner, brief.id()).orElseThrow();
                SectionPath path = SectionPath.parse("writer_" + (base + i));
                Artifact edited = read.withEdit(path, instance.textNode("retry " + i), Instant.now());
                try {
                    return server.saveEdit(edited, read.rowVersion(), edited.editRevision(owner, path));
                } catch (StaleArtifactException e) {
                    assertThat(attempt).isLessThan(1_000);
                }
            }
        }).forEach(o -> assertThat(o.succeeded()).as("%s", o.failure()).isTrue());
        Artifact finalState = serverA.findArtifact(owner, brief.id()).orElseThrow();
        assertThat(writerKeys(finalState)).hasSize(landed.size() + THREADS);
        assertThat(serverA.revisionPage(owner, brief.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()).hasSize(1 + landed.size() + THREADS)
                .extracting(r -> r.number()).doesNotHaveDuplicates();
    }

    @Test
    void usageFromManyThreadsAndServersAddsUp() throws Exception {
        UserId user = Fixtures.user();
        LocalDate day = LocalDate.of(2026, 11, 26);
        race(THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                server(i).usageLedger().record(user, day, new TokenUsage(1, 2, 3, 4));
            }
            return null;
        }).forEach(o -> assertThat(o.succeeded()).as("%s", o.failure()).isTrue());
        assertThat(serverA.usageLedger().tokensUsed(user, day)).isEqualTo(THREADS * 10 * 10L);
    }

    private static Set<Integer> writerKeys(Artifact artifact) {
        Set<Integer> keys = new java.util.HashSet<>();
        artifact.currentContent().fieldNames().forEachRemaining(name -> {
            if (name.startsWith("writer_")) {
                keys.add(Integer.parseInt(name.substring("writer_".length())));
            }
        });
        return keys;
    }

    private static JpaStorage server(int i) {
        return i % 2 == 0 ? serverA : serverB;
    }

    private static Artifact brief(JpaStorage server, UserId owner, Project project) {
        return server.listByProject(owner, project.id()).getFirst();
    }

    record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs the task on that many threads, released at the same instant, and collects how each ended. */
    private static <T> List<Outcome<T>> race(int threads, IntFunction<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i = next.getAndIncrement();
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(task.apply(i), null);
                    } catch (RuntimeException | AssertionError e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
