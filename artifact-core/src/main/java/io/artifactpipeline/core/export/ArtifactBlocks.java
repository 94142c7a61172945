package io.artifactpipeline.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.export.Block.AnnotationList;
import io.artifactpipeline.core.export.Block.AnnotationList.Note;
import io.artifactpipeline.core.export.Block.BulletList;
import io.artifactpipeline.core.export.Block.Heading;
import io.artifactpipeline.core.export.Block.Paragraph;
import io.artifactpipeline.core.export.Block.Table;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.HumanTitle;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.schema.Shape;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The sections of one artifact as blocks: a heading per section present in the content, in schema
 * order, then its value by shape (prose as paragraphs, text lists as bullets, record lists as tables),
 * and in the technical variant the section's annotations.
 */
final class ArtifactBlocks {

    private ArtifactBlocks() {
    }

    /** The stable anchor of an artifact's heading: its wire name. */
    static String anchor(ArtifactType type) {
        return type.wireName();
    }

    /** The stable anchor of a section's heading: {@code <type>.<section key>}. */
    static String anchor(ArtifactType type, String sectionKey) {
        return type.wireName() + "." + sectionKey;
    }

    static List<Block> sections(Artifact artifact, ExportVariant variant, int headingLevel) {
        ArtifactSchema schema = ArtifactSchemas.of(artifact.type());
        List<Block> blocks = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (String key : sectionKeysInSchemaOrder(schema, artifact.currentContent().fieldNames())) {
            shown.add(key);
            blocks.add(new Heading(headingLevel, schema.sectionTitle(key), anchor(artifact.type(), key)));
            Shape shape = schema.section(key).map(SectionSpec::shape).orElse(null);
            blocks.addAll(valueBlocks(shape, artifact.currentContent().get(key)));
            if (variant == ExportVariant.TECHNICAL) {
                List<Note> notes = artifact.annotations().stream()
                        .filter(a -> a.sectionId().equals(key)).map(a -> note(a, null)).toList();
                if (!notes.isEmpty()) {
                    blocks.add(new AnnotationList(notes));
                }
            }
        }
        if (variant == ExportVariant.TECHNICAL) {
            // Notes on sections this content does not have are kept, not silently dropped.
            List<Note> others = artifact.annotations().stream()
                    .filter(a -> !shown.contains(a.sectionId()))
                    .map(a -> note(a, schema.sectionTitle(a.sectionId())))
                    .toList();
            if (!others.isEmpty()) {
                blocks.add(new Heading(headingLevel, "Other Annotations", anchor(artifact.type(), "other_annotations")));
                blocks.add(new AnnotationList(others));
            }
        }
        return blocks;
    }

    /** Declared sections in schema order, then any key the schema does not declare, in content order. */
    private static List<String> sectionKeysInSchemaOrder(ArtifactSchema schema, Iterator<String> contentKeys) {
        List<String> present = new ArrayList<>();
        contentKeys.forEachRemaining(present::add);
        List<String> ordered = new ArrayList<>();
        schema.sections().stream().map(SectionSpec::key).filter(present::contains).forEach(ordered::add);
        present.stream().filter(key -> !ordered.contains(key)).forEach(ordered::add);
        return ordered;
    }

    /** A note under its own section needs no section name; one gathered elsewhere says which it is on. */
    private static Note note(Annotation annotation, String sectionTitle) {
        String label = sectionTitle == null ? "Annotation" : "Annotation on " + sectionTitle;
        return new Note(label, annotation.note(), annotation.createdAt());
    }

    /**
     * A value by its declared shape; a value that does not have that shape (content written against an
     * older schema) is still shown, as text.
     */
    static List<Block> valueBlocks(Shape shape, JsonNode value) {
        if (value.isArray() && value.isEmpty()) {
            return List.of(new Paragraph("None."));
        }
        return switch (shape) {
            case Shape.ListOf list when value.isArray() && list.item() instanceof Shape.Record record ->
                    List.of(table(record, elements(value)));
            case Shape.ListOf ignored when value.isArray() ->
                    List.of(new BulletList(elements(value).stream().map(ArtifactBlocks::plain).toList()));
            case Shape.Record record when value.isObject() -> List.of(table(record, List.of(value)));
            case null, default -> paragraphs(plain(value));
        };
    }

    private static Table table(Shape.Record record, List<JsonNode> items) {
        List<String> columns = record.fields().stream().map(Shape.Field::title).toList();
        List<List<String>> rows = items.stream()
                .map(item -> record.fields().stream().map(f -> item.has(f.name()) ? plain(item.get(f.name())) : "").toList())
                .toList();
        return new Table(columns, rows);
    }

    /** Prose split into paragraphs at blank lines; single line breaks stay inside a paragraph. */
    static List<Block> paragraphs(String text) {
        List<Block> paragraphs = new ArrayList<>();
        for (String part : text.split("\\R\\s*\\R")) {
            if (!part.isBlank()) {
                paragraphs.add(new Paragraph(part.strip()));
            }
        }
        return paragraphs.isEmpty() ? List.of(new Paragraph("None.")) : paragraphs;
    }

    /** Any value as text people read: lists one item per line, records one "Field: value" per line. */
    static String plain(JsonNode value) {
        if (value.isArray()) {
            return String.join("\n", elements(value).stream().map(ArtifactBlocks::plain).toList());
        }
        if (value.isObject()) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                lines.add(HumanTitle.of(member.getKey()) + ": " + plain(member.getValue()));
            }
            return String.join("\n", lines);
        }
        return value.isNull() ? "" : value.asText();
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
