package io.artifactpipeline.core.export;

import io.artifactpipeline.core.export.Block.AnnotationList;
import io.artifactpipeline.core.export.Block.BulletList;
import io.artifactpipeline.core.export.Block.Field;
import io.artifactpipeline.core.export.Block.FrontMatter;
import io.artifactpipeline.core.export.Block.Heading;
import io.artifactpipeline.core.export.Block.Paragraph;
import io.artifactpipeline.core.export.Block.Table;
import io.artifactpipeline.core.export.Block.TableOfContents;
import io.artifactpipeline.core.export.Block.TitleBlock;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Document} as Markdown (CommonMark with GFM tables): YAML front matter when the document has
 * it, ATX headings (with their anchors as {@code <a id>} when the document is anchored), paragraphs,
 * bullet lists, pipe tables and annotations as block quotes. All text is escaped.
 */
public final class MarkdownRenderer {
    private static final DateTimeFormatter NOTE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MarkdownRenderer() {
    }

    /** The document as {@code text/markdown; charset=utf-8}, ending with a newline. */
    public static String render(Document document) {
        return document.blocks().stream()
                .map(block -> render(block, document.anchored()))
                .collect(Collectors.joining("\n\n", "", "\n"));
    }

    private static String render(Block block, boolean anchored) {
        return switch (block) {
            case FrontMatter frontMatter -> frontMatter(frontMatter);
            case TitleBlock title -> "# " + MarkdownText.singleLine(title.title());
            case Heading heading -> "#".repeat(heading.level()) + " "
                    + (anchored ? "<a id=\"" + attribute(heading.anchor()) + "\"></a>" : "")
                    + MarkdownText.singleLine(heading.text());
            case Paragraph paragraph -> MarkdownText.inline(paragraph.text(), "");
            case BulletList list -> list.items().stream()
                    .map(item -> "- " + MarkdownText.inline(item, "  "))
                    .collect(Collectors.joining("\n"));
            case Table table -> table(table);
            case TableOfContents contents -> contents.entries().stream()
                    .map(entry -> "- " + contentsEntry(entry, anchored))
                    .collect(Collectors.joining("\n"));
            case AnnotationList annotations -> annotations.notes().stream()
                    .map(MarkdownRenderer::note)
                    .collect(Collectors.joining("\n\n"));
        };
    }

    private static String contentsEntry(TableOfContents.Entry entry, boolean anchored) {
        String title = MarkdownText.singleLine(entry.title());
        if (!entry.written()) {
            return title + " (not written yet)";
        }
        String target = anchored ? entry.anchor() : MarkdownText.headingSlug(entry.title());
        return "[" + title + "](#" + target + ")";
    }

    private static String table(Table table) {
        StringBuilder out = new StringBuilder();
        out.append(row(table.columns())).append('\n');
        out.append(table.columns().stream().map(c -> " --- ").collect(Collectors.joining("|", "|", "|")));
        for (List<String> row : table.rows()) {
            out.append('\n').append(row(row));
        }
        return out.toString();
    }

    private static String row(List<String> cells) {
        // An empty cell still needs content between the pipes to keep the row's shape obvious.
        return cells.stream().map(MarkdownText::cell).map(c -> " " + (c.isEmpty() ? " " : c) + " ")
                .collect(Collectors.joining("|", "|", "|"));
    }

    private static String note(AnnotationList.Note note) {
        String heading = "> **" + MarkdownText.singleLine(note.label()) + "** (" + NOTE_TIME.format(note.createdAt()) + ")";
        String text = MarkdownText.inline(note.text(), "> ");
        return text.isEmpty() ? heading : heading + "\\\n> " + text;
    }

    private static String frontMatter(FrontMatter frontMatter) {
        StringBuilder out = new StringBuilder("---\n");
        for (Field field : frontMatter.fields()) {
            out.append(field.key()).append(": ").append(yamlValue(field)).append('\n');
        }
        if (!frontMatter.artifacts().isEmpty()) {
            out.append("artifacts:\n");
            for (List<Field> artifact : frontMatter.artifacts()) {
                String prefix = "  - ";
                for (Field field : artifact) {
                    out.append(prefix).append(field.key()).append(": ").append(yamlValue(field)).append('\n');
                    prefix = "    ";
                }
            }
        }
        return out.append("---").toString();
    }

    /** A YAML double-quoted scalar for text (any character survives), the bare value otherwise. */
    private static String yamlValue(Field field) {
        if (!field.text()) {
            return field.value();
        }
        StringBuilder out = new StringBuilder("\"");
        field.value().codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
