package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /revisions/{from}/diff/{to}}: JSON Pointer paths to what changed, words marked in changed text. */
class DiffRoutesTest {
    private static TestServer server;
    private static ApiClient founder;
    private static String briefId;
    private static String before;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        founder = server.as("differ");
        String projectId = TestServer.createProject(founder);
        briefId = TestServer.generateAll(founder, projectId).get(0).get("id").asText();
        before = founder.get("/api/artifacts/" + briefId).json().get("current_content").get("target_user").asText();
        founder.patch("/api/artifacts/" + briefId + "/edit",
                "{\"section_path\":\"target_user\",\"new_value\":\"Owners of small neighbourhood bakeries\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aChangedTextIsOneChangeWithWordSegmentsThatRebuildBothSides() {
        JsonNode diff = founder.get("/api/artifacts/" + briefId + "/revisions/1/diff/2").json();

        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("to").asInt()).isEqualTo(2);
        assertThat(diff.get("changes")).hasSize(1);
        JsonNode change = diff.get("changes").get(0);
        assertThat(change.get("path").asText()).isEqualTo("/target_user");
        assertThat(change.get("op").asText()).isEqualTo("changed");
        assertThat(change.get("before").asText()).isEqualTo(before);
        assertThat(change.get("after").asText()).isEqualTo("Owners of small neighbourhood bakeries");
        assertThat(join(change.get("segments"), "insert")).isEqualTo(change.get("before").asText());
        assertThat(join(change.get("segments"), "delete")).isEqualTo(change.get("after").asText());
    }

    @Test
    void aDiffMayRunBackwardsAndADiffOfARevisionWithItselfIsEmpty() {
        JsonNode backwards = founder.get("/api/artifacts/" + briefId + "/revisions/2/diff/1").json();
        assertThat(backwards.get("changes").get(0).get("after").asText()).isEqualTo(before);
        assertThat(founder.get("/api/artifacts/" + briefId + "/revisions/2/diff/2").json().get("changes")).isEmpty();
    }

    @Test
    void unknownRevisionsForeignArtifactsAndNonNumbersAreRefused() {
        assertProblem(founder.get("/api/artifacts/" + briefId + "/revisions/1/diff/9"), 404);
        assertProblem(server.as("intruder-diff").get("/api/artifacts/" + briefId + "/revisions/1/diff/2"), 404);
        assertProblem(founder.get("/api/artifacts/" + briefId + "/revisions/one/diff/2"), 400);
    }

    /** The segments' text without those of {@code skipped}: equal+delete gives the old text, equal+insert the new. */
    private static String join(JsonNode segments, String skipped) {
        List<String> texts = new ArrayList<>();
        segments.forEach(segment -> {
            if (!segment.get("op").asText().equals(skipped)) {
                texts.add(segment.get("text").asText());
            }
        });
        return String.join("", texts);
    }
}
