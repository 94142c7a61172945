package io.artifactpipeline.core.export;

import io.artifactpipeline.core.export.Block.Field;
import io.artifactpipeline.core.export.Block.FrontMatter;
import io.artifactpipeline.core.export.Block.Heading;
import io.artifactpipeline.core.export.Block.TableOfContents;
import io.artifactpipeline.core.export.Block.TitleBlock;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Document} of an export (API.md, Export) from what the core already holds: the
 * project, its artifacts with their annotations, and the schema's human titles. An export shows
 * exactly the sections present in the content, in schema order: the tier filtered them when the
 * content was written, so nothing is dropped or added here.
 */
public final class ExportDocuments {
    /** The anchor of the project export's list of contents. */
    static final String CONTENTS_ANCHOR = "contents";

    private ExportDocuments() {
    }

    /**
     * One artifact's export.
     *
     * @param tier the tier of the user exporting, recorded in the technical front matter
     * @throws IllegalArgumentException if the artifact was never written (the caller answers 409) or
     *                                  belongs to another project
     */
    public static Document forArtifact(Project project, Artifact artifact, Tier tier, ExportVariant variant,
                                       Instant exportedAt) {
        requireOfProject(project, artifact);
        if (!artifact.hasContent()) {
            throw new IllegalArgumentException(artifact.type().wireName() + " has not been written yet");
        }
        String title = project.name() + ": " + ArtifactSchemas.of(artifact.type()).title();
        List<Block> blocks = new ArrayList<>();
        if (variant == ExportVariant.TECHNICAL) {
            // In the order API.md lists them.
            blocks.add(new FrontMatter(List.of(
                    Field.text("project", project.name()),
                    Field.literal("artifact_type", artifact.type().wireName()),
                    Field.literal("version_number", artifact.versionNumber()),
                    Field.literal("tier", tier.wireName()),
                    Field.literal("schema_version", artifact.schemaVersion()),
                    Field.literal("exported_at", timestamp(exportedAt))), List.of()));
        }
        blocks.add(new TitleBlock(title, project.name(), exportedAt));
        blocks.addAll(ArtifactBlocks.sections(artifact, variant, 2));
        return new Document(title, variant == ExportVariant.TECHNICAL, blocks);
    }

    /**
     * A whole project's export: a table of contents of all artifact types in generation order, then
     * every written artifact in that order. Artifacts never written (or missing from the list) appear
     * in the contents as not written yet.
     *
     * @param artifacts the project's artifacts, in any order
     */
    public static Document forProject(Project project, List<Artifact> artifacts, Tier tier, ExportVariant variant,
                                      Instant exportedAt) {
        Map<ArtifactType, Artifact> written = new EnumMap<>(ArtifactType.class);
        for (Artifact artifact : artifacts) {
            requireOfProject(project, artifact);
            if (artifact.hasContent()) {
                written.put(artifact.type(), artifact);
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (variant == ExportVariant.TECHNICAL) {
            List<Field> fields = List.of(
                    Field.text("project", project.name()),
                    Field.literal("tier", tier.wireName()),
                    Field.literal("exported_at", timestamp(exportedAt)));
            blocks.add(new FrontMatter(fields, written.values().stream().map(ExportDocuments::artifactFields).toList()));
        }
        blocks.add(new TitleBlock(project.name(), project.name(), exportedAt));
        blocks.add(new Heading(2, "Contents", CONTENTS_ANCHOR));
        blocks.add(new TableOfContents(ArtifactType.inGenerationOrder().stream()
                .map(type -> new TableOfContents.Entry(ArtifactSchemas.of(type).title(), ArtifactBlocks.anchor(type),
                        written.containsKey(type)))
                .toList()));
        for (Artifact artifact : written.values()) {
            blocks.add(new Heading(2, ArtifactSchemas.of(artifact.type()).title(), ArtifactBlocks.anchor(artifact.type())));
            blocks.addAll(ArtifactBlocks.sections(artifact, variant, 3));
        }
        return new Document(project.name(), variant == ExportVariant.TECHNICAL, blocks);
    }

    private static List<Field> artifactFields(Artifact artifact) {
        return List.of(
                Field.literal("artifact_type", artifact.type().wireName()),
                Field.literal("version_number", artifact.versionNumber()),
                Field.literal("schema_version", artifact.schemaVersion()));
    }

    private static void requireOfProject(Project project, Artifact artifact) {
        if (!artifact.projectId().equals(project.id())) {
            throw new IllegalArgumentException("artifact " + artifact.id() + " belongs to another project");
        }
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
