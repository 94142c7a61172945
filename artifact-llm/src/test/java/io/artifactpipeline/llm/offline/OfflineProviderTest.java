package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.llm.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineProviderTest {
    private final OfflineProvider offline = new OfflineProvider(Duration.ZERO);

    static Stream<Arguments> everyTypeAndTier() {
        List<Arguments> all = new ArrayList<>();
        for (ArtifactType type : ArtifactType.values()) {
            for (Tier tier : Tier.values()) {
                all.add(Arguments.of(type, tier));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyTypeAndTier")
    void writesValidContentWithExactlyTheTiersSections(ArtifactType type, Tier tier) {
        ModelRequest request = TestRequests.request(type, tier);

        ObjectNode content = offline.write(request).content();

        assertThat(ArtifactSchemas.of(type).validate(content, tier)).isEmpty();
        assertThat(keys(content)).containsExactlyElementsOf(request.sections());
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyTypeAndTier")
    void carriesTheIdeaEveryAnswerAndSaysItIsAnOfflineDraft(ArtifactType type, Tier tier) {
        String text = offline.write(TestRequests.request(type, tier)).content().toString();

        assertThat(text).contains(TestRequests.IDEA).contains("written without a language model");
        TestRequests.ANSWERS.values().forEach(answer -> assertThat(text).contains(answer));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyTypeAndTier")
    void isDeterministic(ArtifactType type, Tier tier) {
        ModelReply first = offline.write(TestRequests.request(type, tier));
        ModelReply second = new OfflineProvider(Duration.ZERO).write(TestRequests.request(type, tier));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentProjectsGiveDifferentDrafts() {
        ObjectNode dogs = offline.write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).content();
        ObjectNode cats = offline.write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER,
                TestRequests.project("A litter-box subscription for cat owners.", Map.of()))).content();

        assertThat(cats).isNotEqualTo(dogs);
        assertThat(cats.toString()).contains("A litter-box subscription for cat owners.");
    }

    @Test
    void milestonesAreBuiltFromTheMvpScopeAndTheCriticalPathNamesThem() {
        ModelRequest request = TestRequests.request(ArtifactType.MILESTONES, Tier.BOOTSTRAPPER);
        List<String> features = new ArrayList<>();
        request.dependencies().get(ArtifactType.MVP_SCOPE).get("core_features")
                .forEach(f -> features.add("Build: " + f.get("name").asText()));

        ObjectNode content = offline.write(request).content();

        List<String> titles = new ArrayList<>();
        content.get("milestones").forEach(m -> titles.add(m.get("title").asText()));
        List<String> criticalPath = new ArrayList<>();
        content.get("critical_path").forEach(t -> criticalPath.add(t.asText()));
        assertThat(titles).containsAll(features);
        assertThat(titles).containsAll(criticalPath);
        int weeks = 0;
        for (JsonNode milestone : content.get("milestones")) {
            weeks += milestone.get("estimated_weeks").asInt();
        }
        assertThat(content.get("total_duration_weeks").asInt()).isEqualTo(weeks);
    }

    @Test
    void theUserJourneyIsNumberedFromOne() {
        JsonNode journey = offline.write(TestRequests.request(ArtifactType.HOW_IT_WORKS, Tier.CTO_SCALE))
                .content().get("user_journey");

        for (int i = 0; i < journey.size(); i++) {
            assertThat(journey.get(i).get("step_number").asInt()).isEqualTo(i + 1);
        }
        assertThat(journey.size()).isGreaterThan(3);
    }

    @Test
    void aProjectAtTheLimitsStillGivesValidContentForEveryType() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            answers.put("Question " + i + " who is the user?", "x".repeat(5_000));
        }
        String idea = "y".repeat(10_000);
        for (ArtifactType type : ArtifactType.values()) {
            ModelRequest request = TestRequests.request(type, Tier.CTO_SCALE, TestRequests.project(idea, answers));

            ObjectNode content = offline.write(request).content();

            assertThat(ArtifactSchemas.of(type).validate(content, Tier.CTO_SCALE)).as(type.wireName()).isEmpty();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"!!!", ". A dot first", "Ünïcödé idée für Hunde 🐕",
            "One very long sentence without any stop that goes on and on about groomers vans and bookings and phones and more",
            "Two lines\nof idea", "x"})
    void oddIdeasStillGiveValidContentForEveryType(String idea) {
        for (ArtifactType type : ArtifactType.values()) {
            ModelRequest request = TestRequests.request(type, Tier.CTO_SCALE, TestRequests.project(idea, Map.of()));

            ObjectNode content = offline.write(request).content();

            assertThat(ArtifactSchemas.of(type).validate(content, Tier.CTO_SCALE)).as(type.wireName()).isEmpty();
            assertThat(texts(content)).anyMatch(text -> text.contains(idea));
        }
    }

    @Test
    void aRewriteMentionsTheFoundersInstructions() {
        ModelRequest first = TestRequests.request(ArtifactType.RISK_LOG, Tier.PARTNER);
        ModelRequest rewrite = first.withPreviousContent(offline.write(first).content())
                .withInstructions(Optional.of("Stress the SMS costs"));

        assertThat(offline.write(rewrite).content().toString()).contains("Stress the SMS costs");
    }

    @Test
    void usageIsARoughEstimateOfPromptAndAnswer() {
        ModelReply reply = offline.write(TestRequests.request(ArtifactType.MVP_SCOPE, Tier.PARTNER));

        assertThat(reply.usage().inputTokens()).isGreaterThan(TestRequests.IDEA.length() / 4);
        assertThat(reply.usage().outputTokens()).isBetween(reply.content().toString().length() / 5L,
                reply.content().toString().length() / 3L);
    }

    @Test
    void simulatedLatencyDelaysEachCall() {
        OfflineProvider slow = new OfflineProvider(Duration.ofMillis(150));
        long start = System.nanoTime();

        slow.write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThatThrownBy(() -> new OfflineProvider(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isFastEnoughForABenchmarkOfThousandsOfGenerations() {
        List<ModelRequest> requests = new ArrayList<>();
        for (ArtifactType type : ArtifactType.values()) {
            requests.add(TestRequests.request(type, Tier.CTO_SCALE));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            offline.write(requests.get(i % requests.size()));
        }
        // Generous for a slow CI machine; in practice this takes well under a second.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /** Every string in the content, unescaped. */
    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(texts(child)));
        return out;
    }

    private static List<String> keys(ObjectNode content) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
