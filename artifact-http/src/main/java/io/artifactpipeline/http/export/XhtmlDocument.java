package io.artifactpipeline.http.export;

import io.artifactpipeline.core.export.Block;
import io.artifactpipeline.core.export.Block.AnnotationList;
import io.artifactpipeline.core.export.Block.BulletList;
import io.artifactpipeline.core.export.Block.Field;
import io.artifactpipeline.core.export.Block.FrontMatter;
import io.artifactpipeline.core.export.Block.Heading;
import io.artifactpipeline.core.export.Block.Paragraph;
import io.artifactpipeline.core.export.Block.Table;
import io.artifactpipeline.core.export.Block.TableOfContents;
import io.artifactpipeline.core.export.Block.TitleBlock;
import io.artifactpipeline.core.export.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static io.artifactpipeline.http.export.XhtmlText.escape;
import static io.artifactpipeline.http.export.XhtmlText.lines;

/**
 * A {@link Document} as the small XHTML page that the PDF is laid out from. Every text is escaped, and
 * the page refers to nothing outside itself: the style is inline and the fonts are given to the
 * renderer directly.
 */
final class XhtmlDocument {
    private static final String STYLE = readStyle();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NOTE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private XhtmlDocument() {
    }

    static String of(Document document) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(document.title())).append("</title><style>").append(STYLE).append("</style>");
        bookmarks(document, out);
        out.append("</head><body>");
        for (Block block : titleFirst(document.blocks())) {
            block(block, out);
        }
        return out.append("</body></html>").toString();
    }

    /** Front matter comes first in Markdown (YAML's rule); on paper the title block does. */
    private static List<Block> titleFirst(List<Block> blocks) {
        List<Block> ordered = new ArrayList<>(blocks);
        ordered.stream().filter(TitleBlock.class::isInstance).findFirst().ifPresent(title -> {
            ordered.remove(title);
            ordered.addFirst(title);
        });
        return ordered;
    }

    /** The PDF's outline: one entry per heading, nested by level, so a reader can jump around. */
    private static void bookmarks(Document document, StringBuilder out) {
        List<Heading> headings = document.blocks().stream()
                .filter(Heading.class::isInstance).map(Heading.class::cast).toList();
        if (headings.isEmpty()) {
            return;
        }
        out.append("<bookmarks>");
        Deque<Integer> open = new ArrayDeque<>();
        for (Heading heading : headings) {
            while (!open.isEmpty() && open.peek() >= heading.level()) {
                out.append("</bookmark>");
                open.pop();
            }
            out.append("<bookmark name=\"").append(escape(heading.text())).append("\" href=\"#")
                    .append(escape(heading.anchor())).append("\">");
            open.push(heading.level());
        }
        out.append("</bookmark>".repeat(open.size())).append("</bookmarks>");
    }

    private static void block(Block block, StringBuilder out) {
        switch (block) {
            case TitleBlock title -> {
                out.append("<div class=\"title-block\"><h1>").append(escape(title.title())).append("</h1>");
                if (!title.projectName().equals(title.title())) {
                    out.append("<p class=\"project\">").append(escape(title.projectName())).append("</p>");
                }
                out.append("<p class=\"exported\">Exported ").append(DATE.format(title.exportedAt())).append("</p></div>");
            }
            case FrontMatter frontMatter -> frontMatter(frontMatter, out);
            case Heading heading -> out.append("<h").append(heading.level()).append(" id=\"")
                    .append(escape(heading.anchor())).append("\">").append(escape(heading.text()))
                    .append("</h").append(heading.level()).append('>');
            case Paragraph paragraph -> out.append("<p>").append(lines(paragraph.text())).append("</p>");
            case BulletList list -> {
                out.append("<ul>");
                list.items().forEach(item -> out.append("<li>").append(lines(item)).append("</li>"));
                out.append("</ul>");
            }
            case Table table -> table(table.columns(), table.rows(), "content", out);
            case TableOfContents contents -> {
                out.append("<ul class=\"toc\">");
                for (TableOfContents.Entry entry : contents.entries()) {
                    if (entry.written()) {
                        out.append("<li><a href=\"#").append(escape(entry.anchor())).append("\">")
                                .append(escape(entry.title())).append("</a></li>");
                    } else {
                        out.append("<li class=\"missing\">").append(escape(entry.title()))
                                .append(" (not written yet)</li>");
                    }
                }
                out.append("</ul>");
            }
            case AnnotationList annotations -> annotations.notes().forEach(note -> out
                    .append("<div class=\"note\"><p class=\"note-label\">").append(escape(note.label()))
                    .append(" (").append(NOTE_TIME.format(note.createdAt())).append(")</p><p>")
                    .append(lines(note.text())).append("</p></div>"));
        }
    }

    private static void frontMatter(FrontMatter frontMatter, StringBuilder out) {
        table(List.of("Field", "Value"),
                frontMatter.fields().stream().map(f -> List.of(f.key(), f.value())).toList(), "metadata", out);
        if (!frontMatter.artifacts().isEmpty()) {
            List<String> columns = frontMatter.artifacts().getFirst().stream().map(Field::key).toList();
            table(columns, frontMatter.artifacts().stream().map(fields -> fields.stream().map(Field::value).toList()).toList(),
                    "metadata", out);
        }
    }

    private static void table(List<String> columns, List<List<String>> rows, String cssClass, StringBuilder out) {
        out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
        columns.forEach(column -> out.append("<th>").append(escape(column)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(lines(cell)).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static String readStyle() {
        try (InputStream in = XhtmlDocument.class.getResourceAsStream("export.css")) {
            if (in == null) {
                throw new IllegalStateException("export.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
