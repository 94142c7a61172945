package io.artifactpipeline.core.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text made safe for CommonMark/GFM: whatever the founder or the model wrote shows as that text, never
 * as markup. Characters that can start inline markup are escaped everywhere ({@code |} too, for table
 * cells); characters that only mean something at the start of a line are escaped there.
 */
final class MarkdownText {
    /** Escaped wherever they appear: emphasis, code, links, HTML, entities, headings, tables, strikethrough. */
    private static final String INLINE_SPECIALS = "\\`*_[]<>#|~&";

    private MarkdownText() {
    }

    /** The lines of a text, each stripped (leading spaces would make code blocks), blank ones dropped. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** One line of text, escaped. */
    static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int start = 0;
        // A list marker, setext underline or thematic break only counts at the start of a line.
        if (!line.isEmpty() && "-+=".indexOf(line.charAt(0)) >= 0) {
            out.append('\\').append(line.charAt(0));
            start = 1;
        } else {
            int digits = 0;
            while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))
                    && line.charAt(digits) < 128) {
                digits++;
            }
            if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
                out.append(line, 0, digits).append('\\').append(line.charAt(digits));
                start = digits + 1;
            }
        }
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A text as the inline content of a paragraph or list item: escaped lines joined by hard line breaks. */
    static String inline(String text, String continuationIndent) {
        return String.join("\\\n" + continuationIndent, lines(text).stream().map(MarkdownText::escapeLine).toList());
    }

    /** A text for a single-line place (a heading, a link text): line breaks become spaces. */
    static String singleLine(String text) {
        return escapeLine(String.join(" ", lines(text)));
    }

    /** A table cell: escaped lines joined by {@code <br>}, since a cell cannot span source lines. */
    static String cell(String text) {
        return String.join("<br>", lines(text).stream().map(MarkdownText::escapeLine).toList());
    }

    /**
     * The id GitHub and most Markdown tools give a heading without an explicit anchor: lower case,
     * punctuation dropped, spaces as hyphens.
     */
    static String headingSlug(String text) {
        StringBuilder slug = new StringBuilder();
        for (int cp : text.strip().toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                slug.appendCodePoint(cp);
            } else if (cp == ' ') {
                slug.append('-');
            }
        }
        return slug.toString();
    }
}
