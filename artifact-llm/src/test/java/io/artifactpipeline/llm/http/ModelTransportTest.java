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
import static org.awaitility.Awaitility.await;

class ModelTransportTest {
    private static final CallTimeouts PATIENT = new CallTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint() {
        return URI.create(server.baseUrl() + "/v1/test");
    }

    /** The data of every event up to one named "done". */
    private static final class Collected implements StreamReader<List<String>> {
        private final List<String> data = new ArrayList<>();
        private boolean done;

        @Override
        public void accept(ServerSentEvent event) {
            done = event.event().equals("done");
            if (!done) {
                data.add(event.data());
            }
        }

        @Override
        public boolean finished() {
            return done;
        }

        @Override
        public List<String> result() {
            if (!done) {
                throw StreamFailure.cutShort();
            }
            return data;
        }
    }

    private static Answer answer(String... data) {
        List<String> events = new ArrayList<>();
        for (String d : data) {
            events.add("data: " + d + "\n\n");
        }
        events.add("event: done\ndata: \n\n");
        return Answer.events(events);
    }

    @Test
    void aBurstQueuesBehindTheConcurrencyCapInsteadOfReachingTheServerAtOnce() throws Exception {
        server.otherwise(request -> answer("ok").after(Duration.ofMillis(150)));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), PATIENT, 2, sleeper);

        List<Future<List<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> transport.stream(endpoint(), Map.of(), "{}", Collected::new)));
            }
        }

        for (Future<List<String>> call : calls) {
            assertThat(call.get()).containsExactly("ok");
        }
        assertThat(server.requests()).hasSize(8);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void sendsTheCallersHeadersAndTheJsonBodyAndAsksForAnEventStream() {
        server.then(answer("{}"));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), PATIENT, 1, sleeper);

        transport.stream(endpoint(), Map.of("x-custom", "yes"), "{\"a\":1}", Collected::new);

        StubServer.Captured sent = server.onlyRequest();
        assertThat(sent.header("x-custom")).isEqualTo("yes");
        assertThat(sent.header("accept")).isEqualTo("text/event-stream");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aServerThatSendsHeadersButStallsTheBodyFailsAfterTheIdleLimit() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.stream(List.of(StubServer.Piece.send(": stream open\n\ndata: first\n\n"), new StubServer.Piece.Stall())));
        }
        CallTimeouts impatient = new CallTimeouts(Duration.ofMillis(200), Duration.ofSeconds(30));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), impatient, 1, sleeper);

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> transport.stream(endpoint(), Map.of(), "{}", Collected::new));

        assertThat(failure.reason()).isEqualTo(ModelFailure.Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing for 200 ms").contains("gave up after 4 attempts");
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void anErrorStatusIsReadAsAnErrorBodyNotAsAStream() {
        server.then(Answer.json(404, "{\"error\":{\"type\":\"not_found_error\",\"message\":\"model: nope\"}}"));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), PATIENT, 1, sleeper);

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> transport.stream(endpoint(), Map.of(), "{}", Collected::new));

        assertThat(failure.reason()).isEqualTo(ModelFailure.Reason.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("HTTP 404, not_found_error").doesNotContain("nope");
    }

    @Test
    void anInterruptEndsAWaitingCallPromptlyAndKeepsTheInterruptFlag() {
        server.then(Answer.hang());
        CallTimeouts slow = new CallTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(60));
        ModelTransport transport = Transports.recording("test", server.baseUrl(), slow, 1, sleeper);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                transport.stream(endpoint(), Map.of(), "{}", Collected::new);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.requests().isEmpty());

        caller.interrupt();

        await().atMost(Duration.ofSeconds(3)).until(() -> !caller.isAlive());
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
