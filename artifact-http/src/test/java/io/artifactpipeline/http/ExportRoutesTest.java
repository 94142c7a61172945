package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The export routes over HTTP: the files a founder downloads, named after the project, and every refusal. */
class ExportRoutesTest {
    private static TestServer server;
    private static ApiClient founder;
    private static String projectId;
    private static String briefId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        founder = server.as("exporter", Tier.PARTNER);
        ApiClient.Response created = founder.post("/api/projects",
                "{\"name\":\"Café Brot — Ωmega\",\"idea\":\"Forecast bread demand\",\"answers\":{}}");
        projectId = created.json().get("id").asText();
        JsonNode artifacts = TestServer.generateAll(founder, projectId);
        briefId = artifacts.get(0).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anArtifactExportsAsReadableMarkdownNamedAfterTheProject() {
        ApiClient.Response markdown = founder.get("/api/artifacts/" + briefId + "/export/markdown");

        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(markdown.header("Content-Disposition")).isEqualTo("attachment; filename=\"cafe-brot-mega-brief.md\"; "
                + "filename*=UTF-8''caf%C3%A9-brot-%CF%89mega-brief.md");
        assertThat(markdown.body()).startsWith("# Café Brot — Ωmega: Brief")
                .contains("## Problem Statement", "## Market Analysis")
                .doesNotContain("## Competitive Strategy", "artifact_type:");
    }

    @Test
    void theTechnicalVariantCarriesFrontMatterAndAnchors() {
        ApiClient.Response markdown = founder.get("/api/artifacts/" + briefId + "/export/markdown?variant=technical");

        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.body()).startsWith("---\n").contains("artifact_type: brief", "version_number: 1",
                "tier: partner", "<a id=\"brief.problem_statement\"></a>");
    }

    @Test
    void aProjectExportsAsOneMarkdownWithItsContents() {
        ApiClient.Response markdown = founder.get("/api/artifacts/project/" + projectId + "/export/markdown");

        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.header("Content-Disposition")).contains("filename=\"cafe-brot-mega-plan.md\"");
        assertThat(markdown.body()).contains("## Contents", "MVP Scope", "How It Works", "Risk Log");
    }

    @Test
    void pdfsAreRealDocumentsWithSelectableText() throws IOException {
        for (String path : new String[] {"/api/artifacts/" + briefId + "/export/pdf",
                "/api/artifacts/project/" + projectId + "/export/pdf"}) {
            HttpResponse<byte[]> pdf = bytes(path);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment; filename=\"cafe-brot-mega-").contains(".pdf\""));
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Café Brot — Ωmega", "Problem Statement");
            }
        }
    }

    @Test
    void anUnknownVariantIsABadRequest() {
        assertProblem(founder.get("/api/artifacts/" + briefId + "/export/markdown?variant=fancy"), 400);
        assertProblem(founder.get("/api/artifacts/project/" + projectId + "/export/pdf?variant=fancy"), 400);
    }

    @Test
    void anArtifactNeverWrittenIsAConflictAndForeignOrUnknownOnesAreNotFound() {
        ApiClient other = server.as("exporter-waiting");
        String waiting = TestServer.createProject(other);
        server.model.hold();
        try {
            other.post("/api/artifacts/generate", "{\"project_id\":\"" + waiting + "\"}");
            String pending = other.get("/api/artifacts/project/" + waiting).json().get(0).get("id").asText();
            assertProblem(other.get("/api/artifacts/" + pending + "/export/markdown"), 409);
            assertProblem(other.get("/api/artifacts/" + pending + "/export/pdf"), 409);
            assertThat(other.get("/api/artifacts/project/" + waiting + "/export/markdown").body())
                    .as("a project export lists what is not written yet").contains("not written yet");
        } finally {
            server.model.release();
        }
        ApiClient intruder = server.as("intruder-export");
        assertProblem(intruder.get("/api/artifacts/" + briefId + "/export/markdown"), 404);
        assertProblem(intruder.get("/api/artifacts/project/" + projectId + "/export/pdf"), 404);
        assertProblem(founder.get("/api/artifacts/" + UUID.randomUUID() + "/export/pdf"), 404);
        assertProblem(founder.get("/api/artifacts/not-a-uuid/export/markdown"), 400);
    }

    private static HttpResponse<byte[]> bytes(String path) {
        try {
            return ApiClient.HTTP.send(founder.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
