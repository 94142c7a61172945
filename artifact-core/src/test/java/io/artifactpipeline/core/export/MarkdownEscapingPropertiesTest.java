package io.artifactpipeline.core.export;

import io.artifactpipeline.core.export.Block.BulletList;
import io.artifactpipeline.core.export.Block.Heading;
import io.artifactpipeline.core.export.Block.Paragraph;
import io.artifactpipeline.core.export.Block.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Node;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text goes in, a reader of the Markdown sees that text (lines stripped), never markup. */
class MarkdownEscapingPropertiesTest {

    @Property(tries = 400)
    void aParagraphShowsItsText(@ForAll("markdownish") String text) {
        Node block = onlyBlock(new Paragraph("p" + text));

        assertThat(block).isInstanceOf(org.commonmark.node.Paragraph.class);
        assertThat(MarkdownTree.text(block)).isEqualTo(normalised("p" + text));
    }

    @Property(tries = 400)
    void aLineStartingWithMarkupStaysText(@ForAll("markdownish") String text) {
        String line = text.strip();
        Assume.that(!line.isEmpty());

        Node block = onlyBlock(new Paragraph(line));

        assertThat(block).isInstanceOf(org.commonmark.node.Paragraph.class);
        assertThat(MarkdownTree.text(block)).isEqualTo(normalised(line));
    }

    @Property(tries = 300)
    void aBulletShowsItsText(@ForAll("markdownish") String first, @ForAll("markdownish") String second) {
        Node block = onlyBlock(new BulletList(List.of("x" + first, "y" + second)));

        assertThat(MarkdownTree.items((org.commonmark.node.BulletList) block))
                .containsExactly(normalised("x" + first), normalised("y" + second));
    }

    @Property(tries = 300)
    void aTableCellShowsItsTextWithItsLineBreaks(@ForAll("markdownish") String cell) {
        Node block = onlyBlock(new Table(List.of("A", "B"), List.of(List.of(cell, "z"))));

        assertThat(MarkdownTree.tableRows((TableBlock) block)).containsExactly(
                List.of("A", "B"), List.of(normalised(cell), "z"));
    }

    @Property(tries = 300)
    void aHeadingShowsItsTextOnOneLine(@ForAll("markdownish") String text) {
        Node block = onlyBlock(new Heading(2, "h" + text, "anchor"));

        assertThat(MarkdownTree.text(block)).isEqualTo(normalised("h" + text).replace('\n', ' '));
    }

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("*", "**", "_", "`", "```", "~~~", "#", "## ", "-", "- ", "+ ", "= ", "===", "---",
                        "1. ", "2) ", "> ", "|", "\\", "[", "](", ")", "<", ">", "&", "&amp;", "&#35;", "<br>",
                        "!", "\n", "\n\n", "  ", "    ", "\t", " ", "Ω", "хлеб", "é", "http://x.y", "\r\n"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5));
        return pieces.list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    private static Node onlyBlock(Block block) {
        MarkdownTree tree = MarkdownTree.parse(MarkdownRenderer.render(new Document("t", false, List.of(block))));
        Node first = tree.root.getFirstChild();
        assertThat(first == null ? null : first.getNext()).isNull();
        return first;
    }

    /** What the renderer promises to keep: each line stripped, blank lines dropped. */
    private static String normalised(String text) {
        return String.join("\n", MarkdownText.lines(text));
    }
}
