package io.artifactpipeline.core.export;

import java.util.List;
import java.util.Objects;

/**
 * An export as a structure, before it is Markdown or PDF: the one source both renderings are made from,
 * so that they show the same titles, sections and contents.
 *
 * @param title    what the document is called (the PDF's title, the Markdown's first heading)
 * @param anchored whether headings show their stable anchors (the technical variant); renderings that
 *                 link inside the document (a PDF's table of contents) use the anchors either way
 * @param blocks   the content, top to bottom
 */
public record Document(String title, boolean anchored, List<Block> blocks) {
    public Document {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
