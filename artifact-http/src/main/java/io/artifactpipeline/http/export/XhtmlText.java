package io.artifactpipeline.http.export;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Text made safe for XHTML: markup characters as entities, characters XML cannot hold left out. */
final class XhtmlText {

    private XhtmlText() {
    }

    /** Text for an element's content or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowedInXml(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A text's lines, escaped, stripped, blank ones dropped, joined by {@code <br/>}. */
    static String lines(String text) {
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().map(XhtmlText::escape).collect(Collectors.joining("<br/>"));
    }

    /** XML 1.0's Char production; lone surrogates arrive here as code points of their own and are dropped. */
    private static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
