package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Stale dependents, generate's artifact_types and the generation-status route, over real HTTP. */
class StalenessRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }


    @Test
    void anEditOfTheBriefMakesTheOthersStaleAndGenerateRewritesThemAndSaysWhich() throws Exception {
        ApiClient alice = server.as("alice-stale");
        String projectId = TestServer.createProject(alice);
        JsonNode written = TestServer.generateAll(alice, projectId);
        assertThat(written.get(0).get("written_from").size()).as("brief depends on nothing").isZero();
        assertThat(written.get(1).get("written_from")).isEqualTo(Json.MAPPER.valueToTree(Map.of("brief", 1)));
        assertThat(written.get(2).get("written_from").get("mvp_scope").asInt()).isEqualTo(1);
        written.forEach(a -> assertThat(a.get("stale").asBoolean()).isFalse());

        List<String> staleEvents = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = ApiClient.HTTP.send(alice.request("/api/artifacts/project/" + projectId + "/events")
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> readStaleEvents(stream.body(), staleEvents));
        try {
            String riskId = written.get(3).get("id").asText();
            assertThat(alice.patch("/api/artifacts/" + riskId + "/edit",
                    "{\"section_path\":\"market_risks\",\"new_value\":[]}").status()).isEqualTo(200);
            String scopeId = written.get(1).get("id").asText();
            String freshTag = alice.get("/api/artifacts/" + scopeId).header("ETag");
            HistoryRoutesTest.edit(alice, written.get(0).get("id").asText(), "Cafés");
            ApiClient.Response staleScope = alice.get("/api/artifacts/" + scopeId, "If-None-Match", freshTag);
            assertThat(staleScope.status()).as("the record now says stale: no 304 for the tag of the fresh one")
                    .isEqualTo(200);
            assertThat(staleScope.header("ETag")).isEqualTo(freshTag.substring(0, freshTag.length() - 1) + ".stale\"");
            assertThat(alice.patch("/api/artifacts/" + scopeId + "/edit",
                    "{\"section_path\":\"no_such_section\",\"new_value\":[]}", "If-Match", staleScope.header("ETag"))
                    .status()).as("If-Match takes the stale record's tag (the path is what is refused)").isEqualTo(422);

            JsonNode after = alice.get("/api/artifacts/project/" + projectId).json();
            assertThat(staleTypes(after)).containsExactly("mvp_scope", "milestones", "risk_log", "how_it_works");
            assertThat(alice.get("/api/artifacts/" + written.get(1).get("id").asText()).json().get("stale").asBoolean())
                    .as("one artifact read on its own").isTrue();
            Eventually.await("four stale events", () -> staleEvents.size() >= 4);
            assertThat(staleEvents).containsExactlyInAnyOrder("mvp_scope", "milestones", "risk_log", "how_it_works");
        } finally {
            reader.interrupt();
            stream.body().close();
        }

        ApiClient.Response generated = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
        assertThat(generated.status()).isEqualTo(202);
        assertThat(generated.json().get("artifact_types")).extracting(JsonNode::asText)
                .as("stale without edits; the edited risk log waits for force")
                .containsExactly("mvp_scope", "milestones", "how_it_works");
        assertThat(generated.json().get("artifact_count").asInt()).isEqualTo(3);
        JsonNode regenerated = TestServer.awaitAllWritten(alice, projectId);
        assertThat(staleTypes(regenerated)).containsExactly("risk_log");
        assertThat(regenerated.get(1).get("written_from").get("brief").asInt()).isEqualTo(2);
    }

    @Test
    void generationStatusShowsEachArtifactAndTheRunningGeneration() {
        ApiClient alice = server.as("alice-status");
        String projectId = TestServer.createProject(alice);
        JsonNode none = alice.get("/api/artifacts/project/" + projectId + "/generation-status").json();
        assertThat(none.get("artifacts").get("brief").get("status").asText()).isEqualTo("not_started");
        assertThat(none.get("artifacts").get("how_it_works").get("has_content").asBoolean()).isFalse();
        assertThat(none.get("all_complete").asBoolean()).isFalse();
        assertThat(none.get("generation_id").isNull()).isTrue();

        server.model.hold();
        String generationId;
        try {
            generationId = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}")
                    .json().get("generation_id").asText();
            JsonNode running = alice.get("/api/artifacts/project/" + projectId + "/generation-status").json();
            assertThat(running.get("generation_id").asText()).isEqualTo(generationId);
            assertThat(running.get("artifacts").get("mvp_scope").get("status").asText()).isEqualTo("generating");
        } finally {
            server.model.release();
        }
        TestServer.awaitAllWritten(alice, projectId);
        Eventually.await("generation concluded", () -> alice.get("/api/artifacts/project/" + projectId
                + "/generation-status").json().get("generation_id").isNull());
        JsonNode done = alice.get("/api/artifacts/project/" + projectId + "/generation-status").json();
        assertThat(done.get("all_complete").asBoolean()).isTrue();
        assertThat(done.get("any_failed").asBoolean()).isFalse();
        List<String> types = new ArrayList<>();
        done.get("artifacts").fieldNames().forEachRemaining(types::add);
        assertThat(types).containsExactly("brief", "mvp_scope", "milestones", "risk_log", "how_it_works");
        done.get("artifacts").forEach(entry -> {
            assertThat(entry.get("status").asText()).isEqualTo("idle");
            assertThat(entry.get("has_content").asBoolean()).isTrue();
        });

        assertThat(server.as("mallory-status").get("/api/artifacts/project/" + projectId + "/generation-status").status())
                .isEqualTo(404);
        assertThat(alice.get("/api/artifacts/project/" + UUID.randomUUID() + "/generation-status").status()).isEqualTo(404);
        assertThat(alice.get("/api/artifacts/project/nope/generation-status").status()).isEqualTo(400);
    }

    private static List<String> staleTypes(JsonNode artifacts) {
        List<String> stale = new ArrayList<>();
        artifacts.forEach(a -> {
            if (a.get("stale").asBoolean()) {
                stale.add(a.get("artifact_type").asText());
            }
        });
        return stale;
    }

    private static void readStaleEvents(InputStream body, List<String> staleTypes) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    JsonNode change = Json.MAPPER.readTree(line.substring(5));
                    if ("stale".equals(change.path("kind").asText())) {
                        staleTypes.add(change.get("artifact_type").asText());
                    }
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }
}
