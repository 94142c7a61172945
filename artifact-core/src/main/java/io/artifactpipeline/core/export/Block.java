package io.artifactpipeline.core.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One part of a {@link Document}. A closed set: each renderer handles every kind. */
public sealed interface Block {

    /** The document's title with the project it belongs to and when it was exported. */
    record TitleBlock(String title, String projectName, Instant exportedAt) implements Block {
        public TitleBlock {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(projectName, "projectName");
            Objects.requireNonNull(exportedAt, "exportedAt");
        }
    }

    /**
     * Metadata for tools (YAML front matter in Markdown). {@code artifacts} holds one group of fields per
     * artifact of a project export, and is empty for a single artifact.
     */
    record FrontMatter(List<Field> fields, List<List<Field>> artifacts) implements Block {
        public FrontMatter {
            fields = List.copyOf(fields);
            artifacts = artifacts.stream().map(List::copyOf).toList();
        }
    }

    /** One front-matter entry; a {@code text} value is quoted, anything else (numbers, names, times) is not. */
    record Field(String key, String value, boolean text) {
        public Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        public static Field text(String key, String value) {
            return new Field(key, value, true);
        }

        public static Field literal(String key, Object value) {
            return new Field(key, String.valueOf(value), false);
        }
    }

    /** Links to the artifacts of a project export; one never written is listed without a link. */
    record TableOfContents(List<Entry> entries) implements Block {
        public TableOfContents {
            entries = List.copyOf(entries);
        }

        public record Entry(String title, String anchor, boolean written) {
            public Entry {
                Objects.requireNonNull(title, "title");
                Objects.requireNonNull(anchor, "anchor");
            }
        }
    }

    /** A heading, level 1 (the title) to 6, with an anchor that stays the same from export to export. */
    record Heading(int level, String text, String anchor) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(anchor, "anchor");
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level " + level + " is not 1..6");
            }
        }
    }

    /** Prose; a line break inside it is kept as a line break. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    record BulletList(List<String> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }
    }

    /** A table with a header row; a cell may hold line breaks (a list inside a record, for instance). */
    record Table(List<String> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /** A founder's notes on the section above them. */
    record AnnotationList(List<Note> notes) implements Block {
        public AnnotationList {
            notes = List.copyOf(notes);
        }

        /** @param label what the note is, e.g. "Annotation" or "Annotation on Market Analysis" */
        public record Note(String label, String text, Instant createdAt) {
            public Note {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(text, "text");
                Objects.requireNonNull(createdAt, "createdAt");
            }
        }
    }
}
