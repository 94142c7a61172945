package io.artifactpipeline.http.export;

import io.artifactpipeline.core.export.Document;
import io.artifactpipeline.core.export.ExportDocuments;
import io.artifactpipeline.core.export.ExportVariant;
import io.artifactpipeline.core.export.MarkdownRenderer;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: how long a combined export of a large cto_scale project takes to render to
 * PDF (target: a 50-page document in under 2 s). Runs only with {@code -Pbenchmark}; see
 * artifact-app/BENCHMARKS.md for the command and the figures. Each run builds the Document from the
 * artifacts and renders it, as a request would; the first runs warm the JIT and are not counted.
 */
class ExportBenchmark {
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 10;
    /** Paragraphs per prose section; chosen so the document comes out at about 50 pages. */
    private static final int PARAGRAPHS_PER_SECTION = 4;

    @Test
    @Tag("benchmark")
    void combinedPdfExportOfALargeProject() throws IOException {
        Project project = ExportSamples.project("Bakery Forecast");
        List<Artifact> artifacts = LargeProject.artifacts(project, PARAGRAPHS_PER_SECTION);

        long firstStart = System.nanoTime();
        byte[] pdf = render(project, artifacts);
        long firstMillis = (System.nanoTime() - firstStart) / 1_000_000;
        for (int i = 1; i < WARM_UP_RUNS; i++) {
            render(project, artifacts);
        }
        long[] millis = new long[MEASURED_RUNS];
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long start = System.nanoTime();
            render(project, artifacts);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long markdownStart = System.nanoTime();
        String markdown = MarkdownRenderer.render(ExportDocuments.forProject(project, artifacts, Tier.CTO_SCALE,
                ExportVariant.READABLE, Instant.now()));
        long markdownMicros = (System.nanoTime() - markdownStart) / 1_000;

        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        Arrays.sort(millis);
        System.out.printf("BENCH export-pdf pages=%d bytes=%d first=%d ms min=%d ms median=%d ms max=%d ms (%d runs after %d warm-up); markdown=%d us (%d chars)%n",
                pages, pdf.length, firstMillis, millis[0], millis[MEASURED_RUNS / 2], millis[MEASURED_RUNS - 1],
                MEASURED_RUNS, WARM_UP_RUNS, markdownMicros, markdown.length());
        // The setup must be what the target talks about; the time is reported, not asserted.
        assertThat(pages).isBetween(50, 60);
    }

    private static byte[] render(Project project, List<Artifact> artifacts) {
        Document document = ExportDocuments.forProject(project, artifacts, Tier.CTO_SCALE, ExportVariant.READABLE,
                Instant.now());
        return PdfRenderer.render(document);
    }

    /** The same run outside Maven, e.g. from an IDE. */
    public static void main(String[] args) throws IOException {
        new ExportBenchmark().combinedPdfExportOfALargeProject();
    }
}
