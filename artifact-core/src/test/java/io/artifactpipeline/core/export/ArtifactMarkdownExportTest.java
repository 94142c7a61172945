package io.artifactpipeline.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.testing.SampleArtifacts;
import io.artifactpipeline.core.testing.SampleContent;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.artifactpipeline.core.testing.SampleArtifacts.note;
import static io.artifactpipeline.core.testing.SampleArtifacts.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactMarkdownExportTest {
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-01T09:30:15.123Z");
    private final Project project = SampleArtifacts.project("Bakery Forecast");

    static Stream<Arguments> everyTypeAtEveryTier() {
        List<Arguments> cases = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (ArtifactType type : ArtifactType.values()) {
                for (ExportVariant variant : ExportVariant.values()) {
                    cases.add(Arguments.of(type, tier, variant));
                }
            }
        }
        return cases.stream();
    }

    /** The replaced system lost the top tier's sections: every tier's export shows exactly its content's sections. */
    @ParameterizedTest(name = "{0} at {1}, {2}")
    @MethodSource("everyTypeAtEveryTier")
    void anExportShowsExactlyTheSectionsInTheContentInSchemaOrder(ArtifactType type, Tier tier, ExportVariant variant) {
        Artifact artifact = written(project, type, tier);

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forArtifact(project, artifact, tier, variant, EXPORTED_AT)));

        List<String> expected = ArtifactSchemas.of(type).sectionsFor(tier).stream().map(SectionSpec::title).toList();
        assertThat(markdown.headingTexts(2)).containsExactlyElementsOf(expected);
        assertThat(markdown.headingTexts(1)).containsExactly("Bakery Forecast: " + ArtifactSchemas.of(type).title());
        assertThat(markdown.headings()).hasSize(expected.size() + 1);
        for (String section : expected) {
            assertThat(markdown.under(section)).as(section).isNotEmpty();
        }
    }

    @Test
    void theTopTierBriefShowsItsStrategicSection() {
        Artifact brief = written(project, ArtifactType.BRIEF, Tier.CTO_SCALE);

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forArtifact(project, brief, Tier.CTO_SCALE, ExportVariant.READABLE, EXPORTED_AT)));

        assertThat(markdown.headingTexts(2)).endsWith("Market Analysis", "Competitive Strategy");
        assertThat(markdown.under("Competitive Strategy")).singleElement()
                .satisfies(p -> assertThat(MarkdownTree.text(p)).isEqualTo("Win the niche chains ignore."));
    }

    @Test
    void proseIsParagraphsTextListsAreBulletsAndRecordListsAreTablesWithHumanColumnTitles() {
        Artifact milestones = written(project, ArtifactType.MILESTONES, Tier.PARTNER);

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forArtifact(project, milestones, Tier.PARTNER, ExportVariant.READABLE, EXPORTED_AT)));

        TableBlock table = (TableBlock) markdown.under("Milestones").getFirst();
        assertThat(MarkdownTree.tableRows(table)).containsExactly(
                List.of("Title", "Description", "Success Criteria", "Estimated Weeks"),
                List.of("Pilot", "Three bakeries", "Forecast daily", "4"),
                List.of("Launch", "Open sign-up", "100 bakeries", "6"));
        assertThat(MarkdownTree.items((BulletList) markdown.under("Critical Path").getFirst()))
                .containsExactly("Pilot", "Launch");
        assertThat(markdown.under("Total Duration Weeks")).singleElement().isInstanceOf(Paragraph.class)
                .satisfies(p -> assertThat(MarkdownTree.text(p)).isEqualTo("10"));
        assertThat(markdown.under("Resource Plan")).singleElement()
                .satisfies(p -> assertThat(MarkdownTree.text(p)).isEqualTo("Two engineers, one designer."));
    }

    @Test
    void everyRecordListIsATable() {
        for (ArtifactType type : List.of(ArtifactType.MVP_SCOPE, ArtifactType.RISK_LOG, ArtifactType.HOW_IT_WORKS)) {
            MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(ExportDocuments.forArtifact(project,
                    written(project, type, Tier.CTO_SCALE), Tier.CTO_SCALE, ExportVariant.READABLE, EXPORTED_AT)));
            String section = switch (type) {
                case MVP_SCOPE -> "Core Features";
                case RISK_LOG -> "Technical Risks";
                default -> "User Journey";
            };
            List<List<String>> rows = MarkdownTree.tableRows((TableBlock) markdown.under(section).getFirst());
            assertThat(rows.getFirst()).as(section).containsExactlyElementsOf(switch (type) {
                case MVP_SCOPE -> List.of("Name", "Description", "Priority");
                case RISK_LOG -> List.of("Title", "Description", "Severity", "Mitigation");
                default -> List.of("Step Number", "Title", "Description");
            });
            assertThat(rows).as(section).hasSizeGreaterThan(1);
        }
    }

    @Test
    void readableHasNoMetadataAndNoAnnotations() {
        Artifact brief = written(project, ArtifactType.BRIEF, Tier.PARTNER, note("target_user", "Ask three bakers"));

        String text = MarkdownRenderer.render(
                ExportDocuments.forArtifact(project, brief, Tier.PARTNER, ExportVariant.READABLE, EXPORTED_AT));
        MarkdownTree markdown = MarkdownTree.parse(text);

        assertThat(markdown.frontMatter).isEmpty();
        assertThat(markdown.all(HtmlInline.class)).isEmpty();
        assertThat(markdown.all(BlockQuote.class)).isEmpty();
        assertThat(text).doesNotContain("version_number", "Ask three bakers", "2026-12-01");
    }

    @Test
    void technicalHasFrontMatterStableAnchorsAndEachSectionsAnnotationsUnderIt() {
        Artifact brief = written(project, ArtifactType.BRIEF, Tier.PARTNER,
                note("target_user", "Ask three bakers\nbefore Friday"), note("market_analysis", "Cite the EU survey"),
                note("competitive_strategy", "Later, on the top tier"));

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forArtifact(project, brief, Tier.PARTNER, ExportVariant.TECHNICAL, EXPORTED_AT)));

        assertThat(markdown.frontMatterLines).containsExactly(
                "project: \"Bakery Forecast\"", "artifact_type: brief", "version_number: 2", "tier: partner",
                "schema_version: 1", "exported_at: 2026-12-01T09:30:15Z");
        assertThat(markdown.headings().stream().filter(h -> h.level() == 2).map(MarkdownTree.HeadingNode::anchor).toList())
                .startsWith("brief.problem_statement", "brief.target_user").contains("brief.market_analysis");
        List<Node> underTargetUser = markdown.under("Target User");
        assertThat(underTargetUser).hasSize(2);
        assertThat(underTargetUser.get(1)).isInstanceOf(BlockQuote.class);
        assertThat(MarkdownTree.text(underTargetUser.get(1)))
                .isEqualTo("Annotation (2026-11-30 10:00 UTC)\nAsk three bakers\nbefore Friday");
        assertThat(MarkdownTree.text(markdown.under("Market Analysis").get(1))).endsWith("Cite the EU survey");
        // A note on a section this content does not have is kept, not dropped.
        assertThat(markdown.under("Other Annotations")).singleElement()
                .satisfies(q -> assertThat(MarkdownTree.text(q)).startsWith("Annotation on Competitive Strategy")
                        .endsWith("Later, on the top tier"));
    }

    @Test
    void markdownSpecialCharactersShowAsText() {
        ObjectNode brief = SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        brief.put("problem_statement", "# Not a heading | *not bold* _nor_ `code` [link](x) <b>html</b> &amp;\n- not a list\n1. nor this");
        brief.putArray("differentiation_points").add("+ plus").add("a | b \\ c");
        Project odd = SampleArtifacts.project("Café *Brot* — Ωmega | Хлеб");

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(ExportDocuments.forArtifact(odd,
                written(odd, ArtifactType.BRIEF, brief), Tier.BOOTSTRAPPER, ExportVariant.READABLE, EXPORTED_AT)));

        assertThat(markdown.headingTexts(1)).containsExactly("Café *Brot* — Ωmega | Хлеб: Brief");
        assertThat(markdown.under("Problem Statement")).singleElement().satisfies(p -> assertThat(MarkdownTree.text(p))
                .isEqualTo("# Not a heading | *not bold* _nor_ `code` [link](x) <b>html</b> &amp;\n- not a list\n1. nor this"));
        assertThat(MarkdownTree.items((BulletList) markdown.under("Differentiation Points").getFirst()))
                .containsExactly("+ plus", "a | b \\ c");
    }

    @Test
    void tableCellsKeepPipesAndLineBreaks() {
        ObjectNode milestones = SampleContent.forTier(ArtifactType.MILESTONES, Tier.BOOTSTRAPPER);
        ObjectNode first = (ObjectNode) milestones.withArray("/milestones").get(0);
        first.put("description", "Three | four bakeries\nin two towns");
        first.putArray("success_criteria").add("Forecast daily").add("Waste | down");

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(ExportDocuments.forArtifact(project,
                written(project, ArtifactType.MILESTONES, milestones), Tier.BOOTSTRAPPER, ExportVariant.READABLE,
                EXPORTED_AT)));

        List<List<String>> rows = MarkdownTree.tableRows((TableBlock) markdown.under("Milestones").getFirst());
        assertThat(rows.get(1)).containsExactly("Pilot", "Three | four bakeries\nin two towns",
                "Forecast daily\nWaste | down", "4");
    }

    @Test
    void anEmptyListSaysNone() {
        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(ExportDocuments.forArtifact(project,
                written(project, ArtifactType.RISK_LOG, Tier.BOOTSTRAPPER), Tier.BOOTSTRAPPER, ExportVariant.READABLE,
                EXPORTED_AT)));

        assertThat(markdown.under("Execution Risks")).singleElement()
                .satisfies(p -> assertThat(MarkdownTree.text(p)).isEqualTo("None."));
    }

    @Test
    void anArtifactNeverWrittenCannotBeExportedAlone() {
        assertThatThrownBy(() -> ExportDocuments.forArtifact(project,
                SampleArtifacts.neverWritten(project, ArtifactType.RISK_LOG), Tier.PARTNER, ExportVariant.READABLE,
                EXPORTED_AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not been written");
    }

    @Test
    void theVariantIsNamedOnTheWire() {
        assertThat(ExportVariant.fromWireName("readable")).contains(ExportVariant.READABLE);
        assertThat(ExportVariant.fromWireName("technical")).contains(ExportVariant.TECHNICAL);
        assertThat(ExportVariant.fromWireName("fancy")).isEmpty();
    }
}
