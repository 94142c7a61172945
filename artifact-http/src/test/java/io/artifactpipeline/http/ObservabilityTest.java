package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.observe.ServerMetrics;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** /observe/health follows the database check; /observe/metrics is Prometheus text with our meters. */
class ObservabilityTest {
    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                (pipeline, model) -> pipeline.model(ServerMetrics.create().metered(model, "test-model")),
                auth -> auth,
                http -> http.databaseCheck(DATABASE_UP::get));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIs200WhileTheDatabaseAnswersAnd503WhenItDoesNot() {
        // An answer is reused for a second, so a change shows within about that.
        DATABASE_UP.set(true);
        Eventually.await("healthy", () -> server.anonymous().get("/observe/health").status() == 200);
        DATABASE_UP.set(false);
        Eventually.await("down", () -> server.anonymous().get("/observe/health").status() == 503);
        DATABASE_UP.set(true);
        Eventually.await("healthy again", () -> server.anonymous().get("/observe/health").status() == 200);
    }

    @Test
    void aFloodOfHealthRequestsRunsOneDatabaseCheckAtATimeAtMostOnceASecond() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (TestServer flooded = TestServer.start((p, m) -> { }, a -> a, http -> http.databaseCheck(() -> {
            checks.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // A real check holds a pooled connection for a round trip; let the requests overlap it.
                return roundTrip(50);
            } finally {
                running.decrementAndGet();
            }
        }));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(clients.submit(() -> flooded.anonymous().get("/observe/health").status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
            long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
            assertThat(mostAtOnce.get()).as("checks at once").isEqualTo(1);
            assertThat(checks.get()).as("checks for 200 requests in %d s", elapsedSeconds).isLessThanOrEqualTo((int) elapsedSeconds + 1);
        }
    }

    /** Stands in for a database round trip of {@code millis}. */
    private static boolean roundTrip(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    @Test
    void madeUpMethodsAreCountedAsOtherWithoutANewSeriesEach() throws Exception {
        // Straight through the HTTP client: the API description's validator knows only real methods.
        for (String method : List.of("ANYTHING", "BREWCOFFEE", "X-NOT-A-METHOD")) {
            for (String path : List.of("api/projects", "observe/health")) {
                ApiClient.HTTP.send(HttpRequest.newBuilder(server.base().resolve(path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        String metrics = server.anonymous().get("/observe/metrics").body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"OTHER\"")
                .doesNotContain("ANYTHING").doesNotContain("BREWCOFFEE").doesNotContain("X-NOT-A-METHOD");
    }

    @Test
    void aCheckThatThrowsIsDown() {
        try (TestServer failing = TestServer.start((p, m) -> { }, a -> a, http -> http.databaseCheck(() -> {
            throw new IllegalStateException("connection refused");
        }))) {
            ApiClient.Response health = failing.anonymous().get("/observe/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).doesNotContain("connection refused");
        }
    }

    @Test
    void metricsArePrometheusTextWithRequestsByRouteAndStatusAndModelCalls() {
        ApiClient alice = server.as("alice-metrics", Tier.BOOTSTRAPPER);
        TestServer.generateAll(alice, TestServer.createProject(alice));
        alice.get("/api/projects/not-a-uuid");

        ApiClient.Response metrics = server.anonymous().get("/observe/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*route=\"/api/artifacts/generate\"[^}]*status=\"202\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/projects/\\{project_id}\"[^}]*status=\"400\"")
                .containsPattern("artifact_model_calls_seconds_count\\{[^}]*model=\"test-model\"[^}]*outcome=\"ok\"")
                .containsPattern("artifact_model_tokens_total\\{[^}]*kind=\"output\"")
                .doesNotContain("not-a-uuid");
    }

    @Test
    void generationsAreRecordedByTheApp() {
        ApiClient alice = server.as("alice-generations");
        String projectId = TestServer.createProject(alice);
        String generationId = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}")
                .json().get("generation_id").asText();
        TestServer.awaitAllWritten(alice, projectId);
        Eventually.await("generation finished", () -> "succeeded".equals(
                alice.get("/api/generations/" + generationId).json().get("status").asText()));
        var generation = server.pipeline.getGeneration().get(io.artifactpipeline.core.model.Actor.of(
                "alice-generations", Tier.BOOTSTRAPPER), new io.artifactpipeline.core.model.GenerationId(java.util.UUID.fromString(generationId)));
        server.server.metrics().generationFinished(generation);
        assertThat(server.anonymous().get("/observe/metrics").body())
                .containsPattern("artifact_generations_seconds_count\\{[^}]*state=\"succeeded\"")
                .containsPattern("artifact_artifacts_written_total\\{[^}]*type=\"brief\"");
    }

    @Test
    void stopLetsARequestInFlightFinish() throws Exception {
        AtomicBoolean slow = new AtomicBoolean(false);
        CountDownLatch entered = new CountDownLatch(1);
        TestServer stopping = TestServer.start((p, m) -> { }, a -> a, http -> http.databaseCheck(() -> {
            if (slow.get()) {
                entered.countDown();
                Thread.sleep(700);
            }
            return true;
        }));
        slow.set(true);
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(
                () -> stopping.anonymous().get("/observe/health").status());
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the request reached the check").isTrue();
        stopping.close();
        assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(stopping.server.isRunning()).isFalse();
    }
}
