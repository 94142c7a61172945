package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Prefer: wait} on regenerate, and the project list's pages, over real HTTP. */
class PreferWaitAndProjectPagesTest {
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
    void aRegenerationThatEndsInTimeAnswers200WithTheWholeRecord() {
        ApiClient alice = server.as("alice-wait");
        String briefId = HistoryRoutesTest.generatedBrief(alice);

        ApiClient.Response waited = alice.post("/api/artifacts/" + briefId + "/regenerate", "{}", "Prefer", "wait=999");

        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.header("Preference-Applied")).as("capped at 60").isEqualTo("wait=60");
        assertThat(waited.header("ETag")).isNotNull();
        JsonNode artifact = waited.json();
        assertThat(artifact.get("version_number").asInt()).isEqualTo(2);
        assertThat(artifact.get("generation_status").asText()).isEqualTo("idle");
        assertThat(artifact.get("previous_content").size()).isPositive();
    }

    @Test
    void aRegenerationStillRunningWhenTheWaitIsOverAnswers202() {
        ApiClient alice = server.as("alice-slow");
        String briefId = HistoryRoutesTest.generatedBrief(alice);
        server.model.hold();
        try {
            ApiClient.Response started = alice.post("/api/artifacts/" + briefId + "/regenerate", "{}",
                    "Prefer", "respond-async, wait=1");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.header("Preference-Applied")).isNull();
            assertThat(started.json().get("status").asText()).isEqualTo("generating");
        } finally {
            server.model.release();
        }
    }

    @Test
    void aGarbagePreferIsIgnored() {
        ApiClient alice = server.as("alice-garbage");
        String briefId = HistoryRoutesTest.generatedBrief(alice);
        server.model.hold();
        try {
            for (String prefer : List.of("wait=soon", "wait=-3", "wait", "=5", "wait=1.5")) {
                ApiClient.Response started = alice.post("/api/artifacts/" + briefId + "/regenerate", "{}", "Prefer", prefer);
                assertThat(started.status()).as(prefer).isIn(202, 409);
                assertThat(started.header("Preference-Applied")).as(prefer).isNull();
            }
        } finally {
            server.model.release();
        }
    }

    @Test
    void projectsArePagedNewestFirstByLinkHeaders() {
        ApiClient alice = server.as("alice-projects-pages");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.addFirst(TestServer.createProject(alice));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/projects?limit=2";
        List<Integer> sizes = new ArrayList<>();
        while (next != null) {
            ApiClient.Response page = alice.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(p -> seen.add(p.get("id").asText()));
            sizes.add(page.json().size());
            next = HistoryRoutesTest.nextLink(page);
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(alice.get("/api/projects").header("Link")).isNull();
        assertThat(server.as("mallory-projects-pages").get("/api/projects").json()).isEmpty();
    }
}
