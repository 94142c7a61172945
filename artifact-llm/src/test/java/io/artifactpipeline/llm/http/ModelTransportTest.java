package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelTransportTest {
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint() {
        return URI.create(server.baseUrl() + "/v1/test");
    }

    @Test
    void aBurstQueuesBehindTheConcurrencyCapInsteadOfReachingTheServerAtOnce() throws Exception {
        server.otherwise(request -> Answer.json(200, "{\"ok\":true}").after(Duration.ofMillis(150)));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), Duration.ofSeconds(5), 2, sleeper);

        List<Future<String>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> transport.postJson(endpoint(), Map.of(), "{}")));
            }
        }

        for (Future<String> call : calls) {
            assertThat(call.get()).isEqualTo("{\"ok\":true}");
        }
        assertThat(server.requests()).hasSize(8);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void sendsTheCallersHeadersAndTheJsonBody() {
        server.then(Answer.json(200, "{}"));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), Duration.ofSeconds(5), 1, sleeper);

        transport.postJson(endpoint(), Map.of("x-custom", "yes"), "{\"a\":1}");

        StubServer.Captured sent = server.onlyRequest();
        assertThat(sent.header("x-custom")).isEqualTo("yes");
        assertThat(sent.header("accept")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aServerThatSendsHeadersButStallsTheBodyStillTimesOut() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.stallBody());
        }
        ModelTransport transport = Transports.recording("test", server.baseUrl(), Duration.ofMillis(200), 1, sleeper);

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> transport.postJson(endpoint(), Map.of(), "{}"));

        assertThat(failure.reason()).isEqualTo(ModelFailure.Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("gave up after 4 attempts");
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void anInterruptEndsAWaitingCallPromptlyAndKeepsTheInterruptFlag() throws Exception {
        server.then(Answer.hang());
        ModelTransport transport = Transports.recording("test", server.baseUrl(), Duration.ofSeconds(20), 1, sleeper);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                transport.postJson(endpoint(), Map.of(), "{}");
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        while (server.requests().isEmpty()) {
            Thread.sleep(10);
        }

        caller.interrupt();

        assertThat(caller.join(Duration.ofSeconds(3))).isTrue();
        assertThat(thrown.get()).isInstanceOf(ModelFailure.class);
        assertThat(stillInterrupted).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void endpointsJoinTheBaseAndPathWhateverTheSlashes() {
        assertThat(Endpoints.resolve(URI.create("https://api.anthropic.com"), "v1", "messages"))
                .isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(Endpoints.resolve(URI.create("https://api.anthropic.com/v1/"), "v1", "messages"))
                .isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(Endpoints.resolve(URI.create("http://127.0.0.1:11434/v1/"), null, "chat/completions"))
                .isEqualTo(URI.create("http://127.0.0.1:11434/v1/chat/completions"));
    }
}
