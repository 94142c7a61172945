package io.artifactpipeline.core.export;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Exported Markdown read back with a real CommonMark parser, as the structure a reader would see. */
final class MarkdownTree {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");

    final Map<String, String> frontMatter = new LinkedHashMap<>();
    final List<String> frontMatterLines = new ArrayList<>();
    final Node root;

    private MarkdownTree(String markdown) {
        String body = markdown;
        if (markdown.startsWith("---\n")) {
            int end = markdown.indexOf("\n---\n", 4);
            for (String line : markdown.substring(4, end).split("\n")) {
                frontMatterLines.add(line);
                int colon = line.indexOf(": ");
                if (!line.startsWith(" ") && colon > 0) {
                    frontMatter.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            body = markdown.substring(end + 5);
        }
        root = PARSER.parse(body);
    }

    static MarkdownTree parse(String markdown) {
        return new MarkdownTree(markdown);
    }

    record HeadingNode(int level, String text, String anchor) {
    }

    List<HeadingNode> headings() {
        List<HeadingNode> headings = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String anchor = null;
                for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof HtmlInline html && ANCHOR.matcher(html.getLiteral()).matches()) {
                        Matcher m = ANCHOR.matcher(html.getLiteral());
                        m.matches();
                        anchor = m.group(1);
                    }
                }
                headings.add(new HeadingNode(heading.getLevel(), text(heading), anchor));
            }
        });
        return headings;
    }

    List<String> headingTexts(int level) {
        return headings().stream().filter(h -> h.level() == level).map(HeadingNode::text).toList();
    }

    /** Blocks directly after the heading with this text, up to the next heading of the same or a higher level. */
    List<Node> under(String headingText) {
        List<Node> blocks = new ArrayList<>();
        Node node = root.getFirstChild();
        while (node != null && !(node instanceof Heading h && text(h).equals(headingText))) {
            node = node.getNext();
        }
        if (node == null) {
            throw new AssertionError("no heading '" + headingText + "'");
        }
        int level = ((Heading) node).getLevel();
        for (node = node.getNext(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() <= level) {
                break;
            }
            blocks.add(node);
        }
        return blocks;
    }

    static List<List<String>> tableRows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(text((TableCell) cell));
                    }
                    rows.add(cells);
                } else {
                    visitChildren(node);
                }
            }
        });
        return rows;
    }

    static List<String> items(BulletList list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(text((ListItem) item));
        }
        return items;
    }

    static List<Link> links(Node node) {
        List<Link> links = new ArrayList<>();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
            }
        });
        return links;
    }

    <T extends Node> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, type, found);
        }
    }

    /**
     * The text a reader sees in a node: text and code as written, line breaks and {@code <br>} as
     * newlines, paragraphs of a block quote or list item on their own lines; anchors are not text.
     */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString();
    }

    private static void appendText(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getLiteral());
            case Code code -> out.append(code.getLiteral());
            case SoftLineBreak ignored -> out.append('\n');
            case HardLineBreak ignored -> out.append('\n');
            case HtmlInline html when html.getLiteral().equals("<br>") -> out.append('\n');
            case HtmlInline ignored -> {
            }
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    if ((child instanceof Paragraph) && child.getPrevious() != null) {
                        out.append('\n');
                    }
                    appendText(child, out);
                }
            }
        }
    }

    static boolean isQuote(Node node) {
        return node instanceof BlockQuote;
    }
}
