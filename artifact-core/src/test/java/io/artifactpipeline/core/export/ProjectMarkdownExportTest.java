package io.artifactpipeline.core.export;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.testing.SampleArtifacts;
import org.commonmark.node.BulletList;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

import static io.artifactpipeline.core.testing.SampleArtifacts.neverWritten;
import static io.artifactpipeline.core.testing.SampleArtifacts.note;
import static io.artifactpipeline.core.testing.SampleArtifacts.written;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectMarkdownExportTest {
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-01T09:30:15.123Z");
    private final Project project = SampleArtifacts.project("Bakery Forecast");

    @ParameterizedTest
    @EnumSource(Tier.class)
    void everyWrittenArtifactInGenerationOrderWithExactlyItsSections(Tier tier) {
        // Given in shuffled order: the export orders by generation order.
        List<Artifact> artifacts = List.of(
                written(project, ArtifactType.RISK_LOG, tier), written(project, ArtifactType.BRIEF, tier),
                written(project, ArtifactType.HOW_IT_WORKS, tier), written(project, ArtifactType.MILESTONES, tier),
                written(project, ArtifactType.MVP_SCOPE, tier));

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forProject(project, artifacts, tier, ExportVariant.READABLE, EXPORTED_AT)));

        assertThat(markdown.headingTexts(1)).containsExactly("Bakery Forecast");
        assertThat(markdown.headingTexts(2)).containsExactly(
                "Contents", "Brief", "MVP Scope", "Milestones", "Risk Log", "How It Works");
        List<String> expectedSections = new ArrayList<>();
        for (ArtifactType type : ArtifactType.inGenerationOrder()) {
            ArtifactSchemas.of(type).sectionsFor(tier).stream().map(SectionSpec::title).forEach(expectedSections::add);
        }
        assertThat(markdown.headingTexts(3)).containsExactlyElementsOf(expectedSections);
    }

    @Test
    void theContentsLinkToEachWrittenArtifactAndListOneNeverWrittenAsNotWrittenYet() {
        List<Artifact> artifacts = List.of(
                written(project, ArtifactType.BRIEF, Tier.PARTNER), written(project, ArtifactType.MVP_SCOPE, Tier.PARTNER),
                neverWritten(project, ArtifactType.MILESTONES), written(project, ArtifactType.RISK_LOG, Tier.PARTNER));

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forProject(project, artifacts, Tier.PARTNER, ExportVariant.READABLE, EXPORTED_AT)));

        BulletList contents = (BulletList) markdown.under("Contents").getFirst();
        assertThat(MarkdownTree.items(contents)).containsExactly("Brief", "MVP Scope",
                "Milestones (not written yet)", "Risk Log", "How It Works (not written yet)");
        List<Link> links = MarkdownTree.links(contents);
        assertThat(links).extracting(Link::getDestination).containsExactly("#brief", "#mvp-scope", "#risk-log");
        // Without explicit anchors the links use the ids Markdown tools give headings, which must exist.
        List<String> headingSlugs = markdown.headings().stream().map(h -> "#" + MarkdownText.headingSlug(h.text())).toList();
        assertThat(headingSlugs).containsAll(links.stream().map(Link::getDestination).toList());
        assertThat(markdown.headingTexts(2)).containsExactly("Contents", "Brief", "MVP Scope", "Risk Log");
    }

    @Test
    void technicalLinksToStableAnchorsAndListsEachArtifactInTheFrontMatter() {
        List<Artifact> artifacts = List.of(
                written(project, ArtifactType.BRIEF, Tier.CTO_SCALE, note("problem_statement", "Check the 20% figure")),
                written(project, ArtifactType.MVP_SCOPE, Tier.CTO_SCALE));

        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(
                ExportDocuments.forProject(project, artifacts, Tier.CTO_SCALE, ExportVariant.TECHNICAL, EXPORTED_AT)));

        assertThat(markdown.frontMatterLines).containsExactly(
                "project: \"Bakery Forecast\"", "tier: cto_scale", "exported_at: 2026-12-01T09:30:15Z",
                "artifacts:",
                "  - artifact_type: brief", "    version_number: 2", "    schema_version: 1",
                "  - artifact_type: mvp_scope", "    version_number: 2", "    schema_version: 1");
        List<Link> links = MarkdownTree.links(markdown.under("Contents").getFirst());
        assertThat(links).extracting(Link::getDestination).containsExactly("#brief", "#mvp_scope");
        List<String> anchors = markdown.headings().stream().map(MarkdownTree.HeadingNode::anchor).toList();
        assertThat(anchors).contains("brief", "mvp_scope", "brief.problem_statement", "mvp_scope.scalability_plan");
        List<Node> underProblem = markdown.under("Problem Statement");
        assertThat(MarkdownTree.text(underProblem.getLast())).endsWith("Check the 20% figure");
    }

    @Test
    void aProjectWithNothingWrittenIsItsContentsOnly() {
        MarkdownTree markdown = MarkdownTree.parse(MarkdownRenderer.render(ExportDocuments.forProject(project,
                List.of(neverWritten(project, ArtifactType.BRIEF)), Tier.BOOTSTRAPPER, ExportVariant.READABLE,
                EXPORTED_AT)));

        assertThat(markdown.headingTexts(2)).containsExactly("Contents");
        assertThat(MarkdownTree.items((BulletList) markdown.under("Contents").getFirst()))
                .allSatisfy(item -> assertThat(item).endsWith("(not written yet)")).hasSize(5);
    }
}
