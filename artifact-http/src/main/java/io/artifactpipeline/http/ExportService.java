package io.artifactpipeline.http;

import io.artifactpipeline.core.export.Document;
import io.artifactpipeline.core.export.ExportVariant;
import io.artifactpipeline.core.export.MarkdownRenderer;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.ExportArtifact;
import io.artifactpipeline.core.usecase.ExportProject;
import io.artifactpipeline.http.export.ContentDisposition;
import io.artifactpipeline.http.export.ExportFormat;
import io.artifactpipeline.http.export.PdfRenderer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * The export routes of the replaced system: an artifact or a whole project as Markdown ({@code readable}
 * or {@code technical}) or PDF, downloaded as a file named after the project.
 */
final class ExportService implements HttpService {
    /**
     * Rendering a PDF takes a core's worth of work for a fraction of a second (more for a big project):
     * at most one per core at a time, the rest wait their turn on their virtual threads.
     */
    private static final Semaphore PDF_RENDERING = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final ExportArtifact exportArtifact;
    private final ExportProject exportProject;

    ExportService(ExportArtifact exportArtifact, ExportProject exportProject) {
        this.exportArtifact = exportArtifact;
        this.exportProject = exportProject;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/project/{project_id}/export/markdown", (req, res) -> project(req, res, ExportFormat.MARKDOWN))
                .any("/project/{project_id}/export/markdown", Routes.allow("GET"))
                .get("/project/{project_id}/export/pdf", (req, res) -> project(req, res, ExportFormat.PDF))
                .any("/project/{project_id}/export/pdf", Routes.allow("GET"))
                .get("/{artifact_id}/export/markdown", (req, res) -> artifact(req, res, ExportFormat.MARKDOWN))
                .any("/{artifact_id}/export/markdown", Routes.allow("GET"))
                .get("/{artifact_id}/export/pdf", (req, res) -> artifact(req, res, ExportFormat.PDF))
                .any("/{artifact_id}/export/pdf", Routes.allow("GET"));
    }

    private void artifact(ServerRequest request, ServerResponse response, ExportFormat format) {
        ArtifactId id = new ArtifactId(RequestParts.uuid(request, "artifact_id"));
        ExportVariant variant = variant(request);
        var exported = exportArtifact.export(RequestParts.actor(request), new ExportArtifact.Query(id, variant));
        send(response, format, exported.document(),
                ContentDisposition.forArtifact(exported.projectName(), exported.type(), format));
    }

    private void project(ServerRequest request, ServerResponse response, ExportFormat format) {
        ProjectId id = new ProjectId(RequestParts.uuid(request, "project_id"));
        ExportVariant variant = variant(request);
        var exported = exportProject.export(RequestParts.actor(request), new ExportProject.Query(id, variant));
        send(response, format, exported.document(), ContentDisposition.forProject(exported.projectName(), format));
    }

    /** {@code readable} unless asked otherwise; anything but the two variants is a bad request. */
    private static ExportVariant variant(ServerRequest request) {
        return request.query().first("variant").asOptional()
                .map(name -> ExportVariant.fromWireName(name).orElseThrow(() ->
                        ClientError.badRequest("'variant' must be readable or technical")))
                .orElse(ExportVariant.READABLE);
    }

    private static void send(ServerResponse response, ExportFormat format, Document document, String disposition) {
        byte[] body = format == ExportFormat.PDF ? pdf(document)
                : MarkdownRenderer.render(document).getBytes(StandardCharsets.UTF_8);
        response.header(HeaderNames.CONTENT_TYPE, format.mediaType());
        response.header(HeaderNames.CONTENT_DISPOSITION, disposition);
        response.header(HeaderNames.CACHE_CONTROL, "private, no-store");
        response.status(Status.OK_200).send(body);
    }

    private static byte[] pdf(Document document) {
        PDF_RENDERING.acquireUninterruptibly();
        try {
            return PdfRenderer.render(document);
        } finally {
            PDF_RENDERING.release();
        }
    }
}
