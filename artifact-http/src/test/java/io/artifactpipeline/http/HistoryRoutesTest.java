package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Revisions paged with Link headers, one revision, and restore, over real HTTP. */
class HistoryRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void revisionsArePagedNewestFirstByLinkHeadersWithoutContent() {
        ApiClient alice = server.as("alice-pages");
        String briefId = generatedBrief(alice);
        for (int i = 1; i <= 4; i++) {
            edit(alice, briefId, "Edit " + i);
        }

        List<Integer> numbers = new ArrayList<>();
        String next = "/api/artifacts/" + briefId + "/revisions?limit=2";
        int pages = 0;
        while (next != null) {
            ApiClient.Response page = alice.get(next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().isArray()).isTrue();
            page.json().forEach(r -> {
                numbers.add(r.get("revision").asInt());
                assertThat(r.has("content")).as("a list never carries content").isFalse();
            });
            next = nextLink(page);
            pages++;
        }
        assertThat(numbers).containsExactly(5, 4, 3, 2, 1);
        assertThat(pages).isEqualTo(3);
        JsonNode newest = alice.get("/api/artifacts/" + briefId + "/revisions").json().get(0);
        assertThat(newest.get("source").asText()).isEqualTo("edited");
        assertThat(newest.get("actor").asText()).isEqualTo("alice-pages");
        assertThat(newest.get("sections")).extracting(JsonNode::asText).containsExactly("target_user");
        assertThat(newest.get("restored_from").isNull()).isTrue();
        assertThat(alice.get("/api/artifacts/" + briefId + "/revisions").header("Link")).as("one page").isNull();
    }

    @Test
    void badPagingValuesAre400() {
        ApiClient alice = server.as("alice-bad-pages");
        String briefId = generatedBrief(alice);
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "limit=", "cursor=not-base64!", "cursor=bm9wZQ",
                "cursor=" + projectCursorFrom(alice))) {
            ApiClient.Response refused = alice.get("/api/artifacts/" + briefId + "/revisions?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String query : List.of("limit=0", "limit=1000", "cursor=bm9wZQ")) {
            assertThat(alice.get("/api/projects?" + query).status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void aRestoreBringsBackContentAndEditMarksAsANewVersion() {
        ApiClient alice = server.as("alice-restore");
        String briefId = generatedBrief(alice);
        JsonNode edited = edit(alice, briefId, "Cafés");
        ApiClient.Response regenerated = alice.post("/api/artifacts/" + briefId + "/regenerate", "{\"force\":true}",
                "Prefer", "wait=30");
        assertThat(regenerated.status()).isEqualTo(200);
        JsonNode before = regenerated.json();

        ApiClient.Response restored = alice.post("/api/artifacts/" + briefId + "/revisions/2/restore", null,
                "If-Match", regenerated.header("ETag"));

        assertThat(restored.status()).isEqualTo(200);
        JsonNode artifact = restored.json();
        assertThat(artifact.get("current_content")).isEqualTo(edited.get("current_content"));
        assertThat(artifact.get("previous_content")).isEqualTo(before.get("current_content"));
        assertThat(artifact.get("has_user_edits").asBoolean()).isTrue();
        assertThat(artifact.get("edited_sections")).extracting(JsonNode::asText).containsExactly("target_user");
        assertThat(artifact.get("version_number").asInt()).isEqualTo(before.get("version_number").asInt() + 1);
        assertThat(restored.header("ETag")).isNotEqualTo(regenerated.header("ETag"));
        JsonNode revision = alice.get("/api/artifacts/" + briefId + "/revisions/4").json();
        assertThat(revision.get("source").asText()).isEqualTo("restored");
        assertThat(revision.get("restored_from").asInt()).isEqualTo(2);
        assertThat(revision.get("content")).isEqualTo(edited.get("current_content"));
        assertThat(alice.post("/api/artifacts/" + briefId + "/regenerate", "{}").json().get("warning").asBoolean())
                .as("the restored marks warn again").isTrue();
    }

    @Test
    void refusedRestoresChangeNothing() {
        ApiClient alice = server.as("alice-refused");
        String briefId = generatedBrief(alice);
        JsonNode before = alice.get("/api/artifacts/" + briefId).json();
        String base = "/api/artifacts/" + briefId + "/revisions/";

        assertThat(alice.post(base + "2/restore", null).status()).as("unknown revision").isEqualTo(404);
        assertThat(alice.post(base + "one/restore", null).status()).as("not a number").isEqualTo(400);
        assertThat(alice.post(base + "1/restore", null, "If-Match", "\"" + briefId + "-999\"").status()).isEqualTo(412);
        assertThat(server.as("mallory-refused").post(base + "1/restore", null).status()).as("foreign").isEqualTo(404);
        assertThat(alice.post("/api/artifacts/" + UUID.randomUUID() + "/revisions/1/restore", null).status()).isEqualTo(404);
        assertThat(alice.get(base + "1/restore").status()).isEqualTo(405);

        server.model.hold();
        try {
            assertThat(alice.post("/api/artifacts/" + briefId + "/regenerate", "{\"force\":true}").status()).isEqualTo(202);
            ApiClient.Response busy = alice.post(base + "1/restore", null);
            assertThat(busy.status()).as("while generating").isEqualTo(409);
        } finally {
            server.model.release();
        }
        TestServer.awaitAllWritten(alice, before.get("project_id").asText());
        assertThat(alice.get(base.substring(0, base.length() - 1)).json()).hasSize(2);
    }

    @Test
    void aRevisionThatNoLongerFitsTheSchemaIs422AndNothingChanges() {
        ApiClient bootstrapper = server.as("carol-upgrade");
        String briefId = generatedBrief(bootstrapper);
        ApiClient partner = server.as("carol-upgrade", Tier.PARTNER);
        assertThat(partner.post("/api/artifacts/" + briefId + "/regenerate", "{\"force\":true}", "Prefer", "wait=30")
                .status()).isEqualTo(200);
        JsonNode before = partner.get("/api/artifacts/" + briefId).json();

        ApiClient.Response refused = partner.post("/api/artifacts/" + briefId + "/revisions/1/restore", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).anySatisfy(e -> assertThat(e.get("path").asText()).isEqualTo("/market_analysis"));
        assertThat(partner.get("/api/artifacts/" + briefId).json()).isEqualTo(before);
        assertThat(partner.get("/api/artifacts/" + briefId + "/revisions").json()).hasSize(2);
    }

    static String generatedBrief(ApiClient client) {
        String projectId = TestServer.createProject(client);
        return TestServer.generateAll(client, projectId).get(0).get("id").asText();
    }

    static JsonNode edit(ApiClient client, String artifactId, String targetUser) {
        ApiClient.Response edited = client.patch("/api/artifacts/" + artifactId + "/edit",
                "{\"section_path\":\"target_user\",\"new_value\":\"" + targetUser + "\"}");
        assertThat(edited.status()).isEqualTo(200);
        return edited.json();
    }

    /** The path and query of the Link header's rel="next" target, or null on the last page. */
    static String nextLink(ApiClient.Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        assertThat(link).matches("<[^>]+>; rel=\"next\"");
        return link.substring(1, link.indexOf('>'));
    }

    private static String projectCursorFrom(ApiClient client) {
        TestServer.createProject(client);
        String next = nextLink(client.get("/api/projects?limit=1"));
        return next.substring(next.indexOf("cursor=") + "cursor=".length());
    }
}
