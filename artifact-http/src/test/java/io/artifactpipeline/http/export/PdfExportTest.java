package io.artifactpipeline.http.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.export.Document;
import io.artifactpipeline.core.export.ExportDocuments;
import io.artifactpipeline.core.export.ExportVariant;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.testing.SampleArtifacts;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.testing.SampleContent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.artifactpipeline.core.testing.SampleArtifacts.neverWritten;
import static io.artifactpipeline.core.testing.SampleArtifacts.note;
import static io.artifactpipeline.core.testing.SampleArtifacts.written;
import static org.assertj.core.api.Assertions.assertThat;

/** PDFs read back with PDFBox: the text a reader can select, the fonts inside, the links and the outline. */
class PdfExportTest {
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-01T09:30:00Z");
    private static final String GREEK = "Ο φούρνος ψήνει με βάση τη ζήτηση";
    private static final String CYRILLIC = "Пекарня печёт столько хлеба, сколько купят";
    private static final Pattern FOOTER_LINE = Pattern.compile("(?m)^Page \\d+ of \\d+\n");
    private static Project project;
    private static byte[] projectPdf;

    @BeforeAll
    static void renderTheProjectOnce() {
        project = SampleArtifacts.project("Café Brot — Ωmega Хлеб");
        ObjectNode brief = SampleContent.forTier(ArtifactType.BRIEF, Tier.CTO_SCALE);
        brief.put("value_proposition", GREEK + "\n" + CYRILLIC);
        List<Artifact> artifacts = List.of(
                written(project, ArtifactType.BRIEF, brief, note("target_user", "Ask <three> bakers & one miller")),
                written(project, ArtifactType.MVP_SCOPE, Tier.CTO_SCALE),
                neverWritten(project, ArtifactType.MILESTONES),
                written(project, ArtifactType.RISK_LOG, Tier.CTO_SCALE),
                written(project, ArtifactType.HOW_IT_WORKS, Tier.CTO_SCALE));
        projectPdf = PdfRenderer.render(ExportDocuments.forProject(project, artifacts, Tier.CTO_SCALE,
                ExportVariant.TECHNICAL, EXPORTED_AT));
    }

    @Test
    void theTitleBlockNamesTheProjectAndTheExportDate() throws IOException {
        String firstPage = text(projectPdf, 1, 1);

        assertThat(firstPage).startsWith("Café Brot — Ωmega Хлеб\n").contains("Exported 2026-12-01");
    }

    @Test
    void theTableOfContentsListsEachArtifactWithItsPageAndLinksToIt() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(projectPdf)) {
            String firstPage = text(pdf, 1, 1);
            for (String title : List.of("Brief", "MVP Scope", "Risk Log", "How It Works")) {
                assertThat(firstPage).containsPattern(Pattern.compile("^" + title + "[ .]*\\d+$", Pattern.MULTILINE));
            }
            assertThat(firstPage).contains("Milestones (not written yet)");
            List<PDAnnotationLink> links = new ArrayList<>();
            for (PDAnnotation annotation : pdf.getPage(0).getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link) {
                    links.add(link);
                }
            }
            assertThat(links).hasSize(4);
        }
    }

    @Test
    void everySectionOfEveryWrittenArtifactIsThereUnderItsHumanTitle() throws IOException {
        String all = text(projectPdf, 1, Integer.MAX_VALUE);

        for (ArtifactType type : List.of(ArtifactType.BRIEF, ArtifactType.MVP_SCOPE, ArtifactType.RISK_LOG,
                ArtifactType.HOW_IT_WORKS)) {
            for (SectionSpec section : ArtifactSchemas.of(type).sectionsFor(Tier.CTO_SCALE)) {
                assertThat(all).as(section.key()).containsPattern("(?m)^" + Pattern.quote(section.title()) + "$");
            }
        }
        assertThat(all).doesNotContain("Critical Path", "Total Duration Weeks");
        assertThat(all).contains("Win the niche chains ignore.", "Step Number", "Till vendors copy it",
                "Ask <three> bakers & one miller");
    }

    @Test
    void greekAndCyrillicTextRoundTrips() throws IOException {
        String all = text(projectPdf, 1, Integer.MAX_VALUE);

        assertThat(all).contains(GREEK, CYRILLIC);
    }

    @Test
    void everyPageHasItsNumberInTheFooter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(projectPdf)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int page = 0; page < pages; page++) {
                PDRectangle size = pdf.getPage(page).getMediaBox();
                PDFTextStripperByArea footer = new PDFTextStripperByArea();
                // The bottom margin (22 mm, about 62 pt); the stripper measures from the top of the page.
                footer.addRegion("footer", new Rectangle2D.Float(0, size.getHeight() - 62, size.getWidth(), 62));
                footer.extractRegions(pdf.getPage(page));
                assertThat(footer.getTextForRegion("footer").strip()).isEqualTo("Page " + (page + 1) + " of " + pages);
            }
        }
    }

    @Test
    void onlyTheBundledFontsAreUsedAndTheyAreEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(projectPdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).isIn("DejaVuSans", "DejaVuSans-Bold"));
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold");
        }
    }

    @Test
    void theOutlineListsTheArtifacts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(projectPdf)) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            assertThat(titles).containsExactly("Contents", "Brief", "MVP Scope", "Risk Log", "How It Works");
            List<String> briefSections = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().equals("Brief")) {
                    item.children().forEach(section -> briefSections.add(section.getTitle()));
                }
            }
            assertThat(briefSections).containsExactlyElementsOf(ArtifactSchemas.of(ArtifactType.BRIEF)
                    .sectionsFor(Tier.CTO_SCALE).stream().map(SectionSpec::title).toList());
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Café Brot — Ωmega Хлеб");
        }
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aSingleArtifactShowsExactlyTheSectionsOfItsTier(Tier tier) throws IOException {
        Project bakery = SampleArtifacts.project("Bakery Forecast");
        Document document = ExportDocuments.forArtifact(bakery, written(bakery, ArtifactType.MILESTONES, tier), tier,
                ExportVariant.READABLE, EXPORTED_AT);

        String all = text(PdfRenderer.render(document), 1, Integer.MAX_VALUE);

        assertThat(all).startsWith("Bakery Forecast: Milestones\n").contains("Exported 2026-12-01");
        for (SectionSpec section : ArtifactSchemas.of(ArtifactType.MILESTONES).sections()) {
            boolean inTier = tier.includes(section.level());
            assertThat(Pattern.compile("(?m)^" + Pattern.quote(section.title()) + "$").matcher(all).find())
                    .as(section.title() + " at " + tier).isEqualTo(inTier);
        }
        assertThat(all).contains("Estimated Weeks", "Success Criteria").doesNotContain("Contents");
    }

    @Test
    void textThatIsNotValidInXmlStillRenders() throws IOException {
        Project bakery = SampleArtifacts.project("Bakery <script>]]>&amp;");
        ObjectNode brief = SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        brief.put("problem_statement", "Control \u0001 chars \uFFFF and a lone \uD800 surrogate; <p>tags</p> & \"quotes\"");

        String all = text(PdfRenderer.render(ExportDocuments.forArtifact(bakery, written(bakery, ArtifactType.BRIEF, brief),
                Tier.BOOTSTRAPPER, ExportVariant.READABLE, EXPORTED_AT)), 1, Integer.MAX_VALUE);

        assertThat(all).startsWith("Bakery <script>]]>&amp;: Brief")
                .contains("Control chars and a lone surrogate; <p>tags</p> & \"quotes\"");
    }

    private static String text(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document, from, to);
        }
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        stripper.setLineSeparator("\n");
        // Page numbers are checked where they stand, in the footer; here they would only be in the way.
        return FOOTER_LINE.matcher(stripper.getText(document)).replaceAll("");
    }
}
