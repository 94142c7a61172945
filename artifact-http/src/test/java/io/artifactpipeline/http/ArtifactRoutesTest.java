package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seven artifact routes, the project routes and the generation route, over real HTTP. */
class ArtifactRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }


    @Test
    void createsListsAndGetsProjects() {
        ApiClient alice = server.as("alice-projects");
        ApiClient.Response created = alice.post("/api/projects",
                "{\"name\":\"Planner\",\"idea\":\"A planner\",\"answers\":{\"Q1\":\"A1\",\"Q2\":\"A2\"}}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode project = created.json();
        String id = project.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/projects/" + id);
        assertThat(project.get("name").asText()).isEqualTo("Planner");
        assertThat(project.get("idea").asText()).isEqualTo("A planner");
        assertThat(project.get("answers").get("Q2").asText()).isEqualTo("A2");
        assertThat(project.get("created_at").asText()).endsWith("Z");

        assertThat(alice.get("/api/projects/" + id).json()).isEqualTo(project);
        String second = TestServer.createProject(alice);
        JsonNode list = alice.get("/api/projects").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).as("newest first").isEqualTo(second);
    }

    @Test
    void projectNameDefaultsToTheStartOfTheIdea() {
        String idea = "x".repeat(80);
        JsonNode project = server.as("alice-names").post("/api/projects", "{\"idea\":\"" + idea + "\",\"answers\":{}}").json();
        assertThat(project.get("name").asText()).isEqualTo("x".repeat(50));
    }

    @Test
    void generateReturns202AndAllFiveArtifactsArriveInOrder() {
        ApiClient alice = server.as("alice-generate");
        String projectId = TestServer.createProject(alice);
        assertThat(alice.get("/api/artifacts/project/" + projectId).json()).isEmpty();

        ApiClient.Response started = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("generating");
        assertThat(started.json().get("artifact_count").asInt()).isEqualTo(5);
        String generationId = started.json().get("generation_id").asText();

        JsonNode artifacts = TestServer.awaitAllWritten(alice, projectId);
        List<String> types = new ArrayList<>();
        artifacts.forEach(a -> types.add(a.get("artifact_type").asText()));
        assertThat(types).containsExactly("brief", "mvp_scope", "milestones", "risk_log", "how_it_works");
        for (JsonNode artifact : artifacts) {
            assertThat(artifact.get("version_number").asInt()).isEqualTo(1);
            assertThat(artifact.get("current_content").size()).isPositive();
            assertThat(artifact.get("previous_content").isNull()).isTrue();
            assertThat(artifact.get("project_id").asText()).isEqualTo(projectId);
        }

        Eventually.await("generation succeeded", () -> "succeeded".equals(
                alice.get("/api/generations/" + generationId).json().get("status").asText()));
        JsonNode generation = alice.get("/api/generations/" + generationId).json();
        assertThat(generation.get("project_id").asText()).isEqualTo(projectId);
        assertThat(generation.get("artifacts")).hasSize(5);
        assertThat(generation.get("artifacts").get(0).get("artifact_type").asText()).isEqualTo("brief");
        assertThat(generation.get("artifacts").get(0).get("status").asText()).isEqualTo("idle");
        assertThat(generation.get("artifacts").get(0).get("error").isNull()).isTrue();
        assertThat(generation.get("started_at").asText()).endsWith("Z");
        assertThat(generation.get("finished_at").asText()).endsWith("Z");

        ApiClient.Response again = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
        assertThat(again.status()).as("nothing left to do").isEqualTo(200);
        assertThat(again.json().get("generation_id").isNull()).isTrue();
        assertThat(again.json().get("artifact_count").asInt()).isZero();
        assertThat(again.json().get("status").asText()).isEqualTo("idle");
    }

    @Test
    void getReturnsTheArtifactRecordWithAStrongEtag() {
        ApiClient alice = server.as("alice-get");
        JsonNode brief = TestServer.generateAll(alice, TestServer.createProject(alice)).get(0);
        String id = brief.get("id").asText();

        ApiClient.Response got = alice.get("/api/artifacts/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.contentType()).startsWith("application/json");
        JsonNode artifact = got.json();
        assertThat(artifact.get("current_content").get("problem_statement").asText()).contains("draft");
        assertThat(artifact.get("current_content").has("market_analysis")).as("above bootstrapper").isFalse();
        assertThat(artifact.get("version_number").asInt()).isEqualTo(1);
        assertThat(artifact.get("has_user_edits").asBoolean()).isFalse();
        assertThat(artifact.get("edited_sections")).isEmpty();
        assertThat(artifact.get("annotations")).isEmpty();
        assertThat(artifact.get("error").isNull()).isTrue();
        assertThat(artifact.get("schema_version").asInt()).isEqualTo(1);
        List<String> fields = new ArrayList<>();
        artifact.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "project_id", "artifact_type", "version_number",
                "current_content", "previous_content", "has_user_edits", "edited_sections", "annotations",
                "generation_status", "error", "schema_version", "created_at", "updated_at", "stale", "written_from");
        assertThat(artifact.get("stale").asBoolean()).isFalse();
        assertThat(artifact.get("written_from").isObject()).isTrue();

        String etag = got.header("ETag");
        assertThat(etag).startsWith("\"" + id + "-").endsWith("\"");
        assertThat(alice.get("/api/artifacts/" + id, "If-None-Match", etag).status()).isEqualTo(304);

        ApiClient.Response status = alice.get("/api/artifacts/" + id + "/status");
        assertThat(status.json().get("generation_status").asText()).isEqualTo("idle");
        assertThat(status.json().get("version_number").asInt()).isEqualTo(1);
        assertThat(status.json().get("updated_at").asText()).isEqualTo(artifact.get("updated_at").asText());
        assertThat(status.json().get("error").isNull()).isTrue();
    }

    @Test
    void aStatusPollerGets304UntilTheStatusChangesAndTheStatusTagIsNoIfMatchTag() {
        ApiClient alice = server.as("alice-status-poll");
        JsonNode brief = TestServer.generateAll(alice, TestServer.createProject(alice)).get(0);
        String id = brief.get("id").asText();

        ApiClient.Response first = alice.get("/api/artifacts/" + id + "/status");
        String tag = first.header("ETag");
        assertThat(tag).startsWith("\"" + id + "-status-").endsWith("\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");
        ApiClient.Response unchanged = alice.get("/api/artifacts/" + id + "/status", "If-None-Match", tag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(tag);
        assertThat(alice.get("/api/artifacts/" + id + "/status", "If-None-Match", "W/" + tag).status()).isEqualTo(304);
        assertThat(alice.get("/api/artifacts/" + id + "/status", "If-None-Match", "\"other\"").status()).isEqualTo(200);

        ApiClient.Response wrongTag = alice.patch("/api/artifacts/" + id + "/edit",
                "{\"section_path\":\"problem_statement\",\"new_value\":\"Edited\"}", "If-Match", tag);
        assertThat(wrongTag.status()).as("a status tag names no version of the artifact").isEqualTo(412);

        assertThat(alice.post("/api/artifacts/" + id + "/regenerate", "{\"force\":true}").status()).isEqualTo(202);
        ApiClient.Response changed = alice.get("/api/artifacts/" + id + "/status", "If-None-Match", tag);
        assertThat(changed.status()).as("the regeneration (under way or done) shows at once on the server that started it")
                .isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        Eventually.await("regenerated", () -> alice.get("/api/artifacts/" + id + "/status").json()
                .get("version_number").asInt() == 2);
    }

    @Test
    void regenerateBumpsTheVersionAndKeepsThePreviousContent() {
        ApiClient alice = server.as("alice-regenerate");
        JsonNode brief = TestServer.generateAll(alice, TestServer.createProject(alice)).get(0);
        String id = brief.get("id").asText();
        String etagBefore = alice.get("/api/artifacts/" + id).header("ETag");

        ApiClient.Response started = alice.post("/api/artifacts/" + id + "/regenerate",
                "{\"instructions\":\"Shorter, please\"}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("artifact_id").asText()).isEqualTo(id);
        assertThat(started.json().get("status").asText()).isEqualTo("generating");
        assertThat(started.json().get("generation_id").asText()).isNotBlank();

        Eventually.await("version 2", () -> alice.get("/api/artifacts/" + id).json().get("version_number").asInt() == 2);
        JsonNode after = alice.get("/api/artifacts/" + id).json();
        assertThat(after.get("previous_content")).isEqualTo(brief.get("current_content"));
        assertThat(after.get("current_content")).isNotEqualTo(brief.get("current_content"));
        assertThat(alice.get("/api/artifacts/" + id).header("ETag")).isNotEqualTo(etagBefore);
    }

    @Test
    void editUpdatesContentSetsTheFlagsAndRegenerateThenWarnsUnlessForced() {
        ApiClient alice = server.as("alice-edit");
        JsonNode brief = TestServer.generateAll(alice, TestServer.createProject(alice)).get(0);
        String id = brief.get("id").asText();
        String etag = alice.get("/api/artifacts/" + id).header("ETag");

        ApiClient.Response edited = alice.patch("/api/artifacts/" + id + "/edit",
                "{\"section_path\":\"problem_statement\",\"new_value\":\"Founders lose weeks on planning\"}",
                "If-Match", etag);
        assertThat(edited.status()).isEqualTo(200);
        JsonNode artifact = edited.json();
        assertThat(artifact.get("current_content").get("problem_statement").asText())
                .isEqualTo("Founders lose weeks on planning");
        assertThat(artifact.get("has_user_edits").asBoolean()).isTrue();
        assertThat(artifact.get("edited_sections")).hasSize(1);
        assertThat(artifact.get("edited_sections").get(0).asText()).isEqualTo("problem_statement");
        assertThat(artifact.get("version_number").asInt()).as("edits keep the version").isEqualTo(1);
        assertThat(edited.header("ETag")).isNotEqualTo(etag);
        assertThat(alice.get("/api/artifacts/" + id).header("ETag")).isEqualTo(edited.header("ETag"));

        ApiClient.Response pointer = alice.patch("/api/artifacts/" + id + "/edit",
                "{\"section_path\":\"/differentiation_points/0\",\"new_value\":\"Writes five documents at once\"}");
        assertThat(pointer.status()).isEqualTo(200);
        assertThat(pointer.json().get("edited_sections")).hasSize(2);

        ApiClient.Response warning = alice.post("/api/artifacts/" + id + "/regenerate", "{}");
        assertThat(warning.status()).isEqualTo(200);
        assertThat(warning.json().get("warning").asBoolean()).isTrue();
        assertThat(warning.json().get("id").asText()).isEqualTo(id);
        assertThat(warning.json().get("artifact_type").asText()).isEqualTo("brief");
        assertThat(warning.json().get("edited_sections").get(0).asText()).isEqualTo("problem_statement");
        JsonNode unchanged = alice.get("/api/artifacts/" + id).json();
        assertThat(unchanged.get("version_number").asInt()).isEqualTo(1);
        assertThat(unchanged.get("current_content")).isEqualTo(pointer.json().get("current_content"));

        ApiClient.Response forced = alice.post("/api/artifacts/" + id + "/regenerate", "{\"force\":true}");
        assertThat(forced.status()).isEqualTo(202);
        Eventually.await("forced regeneration", () -> alice.get("/api/artifacts/" + id).json().get("version_number").asInt() == 2);
        JsonNode overwritten = alice.get("/api/artifacts/" + id).json();
        assertThat(overwritten.get("has_user_edits").asBoolean()).isFalse();
        assertThat(overwritten.get("edited_sections")).isEmpty();
        assertThat(overwritten.get("current_content").get("problem_statement").asText())
                .isNotEqualTo("Founders lose weeks on planning");
        assertThat(overwritten.get("previous_content").get("problem_statement").asText())
                .isEqualTo("Founders lose weeks on planning");
    }

    @Test
    void annotateAppendsAnnotationsWithIds() {
        ApiClient alice = server.as("alice-annotate");
        String id = TestServer.generateAll(alice, TestServer.createProject(alice)).get(1).get("id").asText();

        ApiClient.Response first = alice.post("/api/artifacts/" + id + "/annotate",
                "{\"section_id\":\"core_features\",\"note\":\"Check with users\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotBlank();
        ApiClient.Response second = alice.post("/api/artifacts/" + id + "/annotate",
                "{\"section_id\":\"success_metrics\",\"note\":\"Add retention\"}");
        JsonNode annotations = second.json().get("annotations");
        assertThat(annotations).hasSize(2);
        assertThat(annotations.get(0).get("section_id").asText()).isEqualTo("core_features");
        assertThat(annotations.get(0).get("note").asText()).isEqualTo("Check with users");
        assertThat(annotations.get(1).get("id").asText()).isNotBlank();
        assertThat(annotations.get(1).get("created_at").asText()).endsWith("Z");
        assertThat(second.json().get("has_user_edits").asBoolean()).as("notes are not edits").isFalse();
    }

    @Test
    void revisionsListTheHistoryNewestFirstWithContent() {
        ApiClient alice = server.as("alice-revisions");
        String id = TestServer.generateAll(alice, TestServer.createProject(alice)).get(0).get("id").asText();
        alice.patch("/api/artifacts/" + id + "/edit", "{\"section_path\":\"target_user\",\"new_value\":\"Solo founders\"}");

        JsonNode revisions = alice.get("/api/artifacts/" + id + "/revisions").json();
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("source").asText()).isEqualTo("edited");
        assertThat(revisions.get(0).get("actor").asText()).isEqualTo("alice-revisions");
        assertThat(revisions.get(0).get("sections").get(0).asText()).isEqualTo("target_user");
        assertThat(revisions.get(0).has("content")).isFalse();
        assertThat(revisions.get(1).get("source").asText()).isEqualTo("generated");
        assertThat(revisions.get(1).get("actor").asText()).isEqualTo("model");

        int first = revisions.get(1).get("revision").asInt();
        JsonNode original = alice.get("/api/artifacts/" + id + "/revisions/" + first).json();
        assertThat(original.get("version_number").asInt()).isEqualTo(1);
        assertThat(original.get("content").get("target_user").asText()).isNotEqualTo("Solo founders");
    }

    @Test
    void aSecondGenerateWhileOneRunsIsAConflictNamingTheRunningGeneration() {
        ApiClient alice = server.as("alice-conflict");
        String projectId = TestServer.createProject(alice);
        server.model.hold();
        try {
            ApiClient.Response first = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
            assertThat(first.status()).isEqualTo(202);
            JsonNode listed = alice.get("/api/artifacts/project/" + projectId).json();
            assertThat(listed).hasSize(5);
            assertThat(listed.get(0).get("generation_status").asText()).isEqualTo("generating");
            assertThat(listed.get(0).get("current_content").isObject()).as("{} until written").isTrue();
            assertThat(listed.get(0).get("current_content")).isEmpty();

            ApiClient.Response second = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.json().get("generation_id").asText())
                    .isEqualTo(first.json().get("generation_id").asText());

            String briefId = listed.get(0).get("id").asText();
            ApiClient.Response edit = alice.patch("/api/artifacts/" + briefId + "/edit",
                    "{\"section_path\":\"target_user\",\"new_value\":\"x\"}");
            assertThat(edit.status()).as("edit during generation").isEqualTo(409);
            ApiClient.Response regenerate = alice.post("/api/artifacts/" + briefId + "/regenerate", "");
            assertThat(regenerate.status()).isEqualTo(409);
        } finally {
            server.model.release();
        }
        TestServer.awaitAllWritten(alice, projectId);
    }
}
