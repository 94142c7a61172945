package io.artifactpipeline.http;

import io.artifactpipeline.core.testing.AllStores;
import io.artifactpipeline.http.observe.LogContext;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id in and out, in problem bodies and in the log context; one access line per request. */
class RequestLogTest {
    /** A log record as published, with the request id its thread carried at that moment. */
    record Logged(String logger, String message, String requestId) {
    }

    // Strong references: JUL holds loggers weakly, and a collected one takes its handlers with it.
    private static final Logger ACCESS_LOG = Logger.getLogger(RequestLogFilter.ACCESS_LOGGER);
    private static final Logger PROBLEM_LOG = Logger.getLogger(ProblemMapping.class.getName());
    private static final List<Logged> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(new Logged(record.getLoggerName(), record.getMessage(), LogContext.requestId().orElse(null)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static TestServer server;

    @BeforeAll
    static void start() {
        ACCESS_LOG.addHandler(CAPTURE);
        PROBLEM_LOG.addHandler(CAPTURE);
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        ACCESS_LOG.removeHandler(CAPTURE);
        PROBLEM_LOG.removeHandler(CAPTURE);
    }

    @BeforeEach
    void forget() {
        LOGGED.clear();
    }

    @Test
    void aSaneClientIdIsEchoedAndCarriedByTheProblemBody() {
        ApiClient.Response response = server.as("alice-ids").get("/api/projects/not-a-uuid", "X-Request-Id", "trace-42.a:b");
        assertProblem(response, 400);
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a:b");
        assertThat(response.json().get("request_id").asText()).isEqualTo("trace-42.a:b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "quote\"d", "semi;colon", "<script>", "ünïcode"})
    void anInsaneClientIdIsReplacedByANewOne(String insane) {
        ApiClient.Response response = server.anonymous().get("/api/projects", "X-Request-Id", insane);
        assertProblem(response, 401);
        String id = response.header("X-Request-Id");
        assertThat(id).isNotEqualTo(insane).matches("[0-9a-f-]{36}");
        assertThat(response.json().get("request_id").asText()).isEqualTo(id);
    }

    @Test
    void anOverlongClientIdIsReplaced() {
        String overlong = "a".repeat(129);
        ApiClient.Response response = server.as("alice-ids").get("/api/projects", "X-Request-Id", overlong);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).hasSize(36);
        assertThat(server.as("alice-ids").get("/api/projects", "X-Request-Id", "a".repeat(128)).header("X-Request-Id"))
                .hasSize(128);
    }

    @Test
    void everyResponseHasAnIdEvenWithoutAsking() {
        ApiClient.Response first = server.anonymous().get("/observe/health");
        ApiClient.Response second = server.anonymous().get("/observe/health");
        assertThat(first.header("X-Request-Id")).isNotBlank().isNotEqualTo(second.header("X-Request-Id"));
    }

    @Test
    void oneAccessLineWithMethodPathStatusDurationAndUserButNoQuery() {
        server.as("alice-logged").get("/api/projects?limit=5&token=secret-in-query", "X-Request-Id", "access-1");
        Logged line = accessLineOf("access-1");
        assertThat(LOGGED).filteredOn(l -> l.logger().equals(RequestLogFilter.ACCESS_LOGGER)
                && "access-1".equals(l.requestId())).hasSize(1);
        assertThat(line.message()).matches("GET /api/projects 200 \\d+ms user=alice-logged");
        assertThat(line.requestId()).isEqualTo("access-1");
    }

    @Test
    void anAnonymousRequestIsLoggedWithoutAUser() {
        server.anonymous().get("/api/projects", "X-Request-Id", "anonymous-1");
        assertThat(accessLineOf("anonymous-1").message()).matches("GET /api/projects 401 \\d+ms");
    }

    @Test
    void theRequestsOtherLogLinesCarryItsIdToo() {
        try (TestServer broken = TestServer.start(
                (pipeline, model) -> pipeline.store(AllStores.inMemoryWith(new UnexpectedErrorsTest.BrokenProjects())), a -> a, http -> { })) {
            ApiClient.Response response = broken.as("alice-500").get("/api/projects", "X-Request-Id", "broken-1");
            assertProblem(response, 500);
            assertThat(response.json().get("request_id").asText()).isEqualTo("broken-1");
        }
        List<Logged> problemLines = LOGGED.stream().filter(l -> l.logger().equals(ProblemMapping.class.getName())).toList();
        assertThat(problemLines).isNotEmpty().allSatisfy(line -> assertThat(line.requestId()).isEqualTo("broken-1"));
        assertThat(accessLineOf("broken-1").message()).startsWith("GET /api/projects 500 ");
    }

    @Test
    void theAccessLogCanBeSwitchedOff() {
        try (TestServer quiet = TestServer.start((p, m) -> { }, a -> a, http -> http.accessLog(false))) {
            quiet.anonymous().get("/observe/health", "X-Request-Id", "quiet-1");
            assertThat(quiet.anonymous().get("/observe/health").header("X-Request-Id")).isNotBlank();
        }
        assertThat(LOGGED).noneMatch(l -> l.logger().equals(RequestLogFilter.ACCESS_LOGGER));
    }

    /** The access line is written after the response has gone out, so it may follow the client's read. */
    private static Logged accessLineOf(String requestId) {
        Eventually.await("the access line of " + requestId, Duration.ofSeconds(60), () -> LOGGED.stream()
                .anyMatch(l -> l.logger().equals(RequestLogFilter.ACCESS_LOGGER) && requestId.equals(l.requestId())));
        return LOGGED.stream().filter(l -> l.logger().equals(RequestLogFilter.ACCESS_LOGGER)
                && requestId.equals(l.requestId())).findFirst().orElseThrow();
    }
}
