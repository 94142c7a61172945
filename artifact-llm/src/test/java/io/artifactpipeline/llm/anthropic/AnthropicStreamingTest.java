package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.StubServer.Piece;
import io.artifactpipeline.llm.TestRequests;
import io.artifactpipeline.llm.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Messages stream as Anthropic sends it: slow but steady answers, stalls, mid-stream errors, live drafts. */
class AnthropicStreamingTest {
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ModelRequest brief = TestRequests.request(ArtifactType.BRIEF, Tier.PARTNER);
    private final ObjectNode content = TestRequests.validContent(ArtifactType.BRIEF, Tier.PARTNER);

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicMessagesProvider provider(Duration idle, Duration whole) {
        ModelSettings settings = ModelSettings.builder().provider("anthropic").apiKey("sk-ant-test")
                .baseUrl(server.baseUrl()).idleTimeout(idle).timeout(whole).build();
        return new AnthropicMessagesProvider(settings, Transports.recording("anthropic", settings, sleeper));
    }

    /** The events of a valid answer, each sent {@code every} after the one before. */
    private List<Piece> paced(Duration every) {
        return AnthropicWire.toolUse("write_brief", content).stream()
                .map(event -> (Piece) Piece.send(event).after(every)).toList();
    }

    @Test
    void aSlowButSteadyFiveSecondAnswerOutlastsAOneSecondIdleLimit() {
        List<String> events = AnthropicWire.toolUse("write_brief", content);
        long every = 5_000 / events.size();
        assertThat(every).as("pieces about every 200 ms").isBetween(100L, 300L);
        server.then(Answer.stream(paced(Duration.ofMillis(every))));
        long start = System.nanoTime();

        ModelReply reply = provider(Duration.ofSeconds(1), Duration.ofSeconds(60)).write(brief);

        assertThat(reply.content()).isEqualTo(content);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(4_500));
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aStreamThatStallsFailsAfterTheIdleLimitOnEveryAttempt() {
        List<String> events = AnthropicWire.toolUse("write_brief", content);
        for (int i = 0; i < 4; i++) {
            List<Piece> stalling = new ArrayList<>(events.subList(0, 5).stream().map(Piece::send).toList());
            stalling.add(new Piece.Stall());
            server.then(Answer.stream(stalling));
        }
        long start = System.nanoTime();

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(Duration.ofMillis(300), Duration.ofSeconds(60)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing for 300 ms").contains("4 attempts");
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.waits()).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theWholeCallLimitEndsAnAnswerThatKeepsStreamingAndIsNotRetried() {
        server.then(Answer.stream(paced(Duration.ofMillis(100))));

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(Duration.ofSeconds(1), Duration.ofMillis(800)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("did not finish within the call's limit of 800 ms");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anOverloadedErrorInTheMiddleOfTheStreamIsRetriedLikeA529() {
        List<String> events = AnthropicWire.toolUse("write_brief", content);
        List<String> broken = new ArrayList<>(events.subList(0, 5));
        broken.add(AnthropicWire.errorEvent("overloaded_error", "Overloaded"));
        server.then(Answer.events(broken)).then(Answer.events(events));

        ModelReply reply = provider(Duration.ofSeconds(5), Duration.ofSeconds(60)).write(brief);

        assertThat(reply.content()).isEqualTo(content);
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aPersistentMidStreamOverloadSaysSo() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.events(List.of(AnthropicWire.toolUse("write_brief", content).getFirst(),
                    AnthropicWire.errorEvent("overloaded_error", "Overloaded"))));
        }

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(Duration.ofSeconds(5), Duration.ofSeconds(60)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.OVERLOADED);
        assertThat(failure.getMessage()).contains("error event in the stream, overloaded_error").contains("4 attempts");
    }

    @Test
    void aStreamCutShortIsRetried() {
        List<String> events = AnthropicWire.toolUse("write_brief", content);
        server.then(Answer.events(events.subList(0, events.size() - 3))).then(Answer.events(events));

        assertThat(provider(Duration.ofSeconds(5), Duration.ofSeconds(60)).write(brief).content()).isEqualTo(content);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void eachSectionIsReportedAsADraftWhileTheRestIsStillStreaming() {
        List<String> events = AnthropicWire.toolUse("write_brief", content);
        CountDownLatch firstDraft = new CountDownLatch(1);
        List<Piece> gated = new ArrayList<>();
        int half = events.size() / 2;
        events.subList(0, half).forEach(event -> gated.add(Piece.send(event)));
        // The server sends the second half only once a draft has arrived: drafts must be live, not replayed at
        // the end (otherwise the stream stalls here and the idle limit fails the call).
        gated.add(new Piece.Gate(firstDraft));
        events.subList(half, events.size()).forEach(event -> gated.add(Piece.send(event)));
        server.then(Answer.stream(gated));
        Map<String, JsonNode> drafts = new LinkedHashMap<>();

        ModelReply reply = provider(Duration.ofSeconds(3), Duration.ofSeconds(60)).write(brief, (section, value) -> {
            drafts.put(section, value);
            firstDraft.countDown();
        });

        assertThat(server.requests()).hasSize(1);
        assertThat(drafts.keySet()).containsExactlyElementsOf(brief.sections());
        drafts.forEach((section, value) -> assertThat(value).isEqualTo(reply.content().get(section)));
    }
}
