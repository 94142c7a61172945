package io.artifactpipeline.http.export;

import io.artifactpipeline.core.model.ArtifactType;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Disposition} of an export (RFC 6266): {@code attachment} with an ASCII
 * {@code filename} every client understands and a UTF-8 {@code filename*} (RFC 8187) that keeps the
 * project's name as written, e.g. {@code attachment; filename="cafe-brot-brief.pdf";
 * filename*=UTF-8''caf%C3%A9-brot-brief.pdf}. Both are slugs of the project name plus the artifact
 * type ({@code plan} for a whole project), so they never hold quotes, slashes or control characters.
 */
public final class ContentDisposition {
    /** Letters that do not decompose into a base letter and a mark, spelled the way people transliterate them. */
    private static final Map<Character, String> LATIN_LETTERS = Map.of(
            'ß', "ss", 'æ', "ae", 'ø', "o", 'œ', "oe", 'ł', "l", 'đ', "d", 'þ', "th", 'ð', "d", 'ı', "i");
    private static final int MAX_NAME_LENGTH = 60;
    private static final String FALLBACK_NAME = "project";

    private ContentDisposition() {
    }

    /** For one artifact's export: {@code <project>-<type>.<ext>}, e.g. {@code bakery-forecast-mvp-scope.md}. */
    public static String forArtifact(String projectName, ArtifactType type, ExportFormat format) {
        return attachment(projectName, type.wireName(), format);
    }

    /** For a whole project's export: {@code <project>-plan.<ext>}. */
    public static String forProject(String projectName, ExportFormat format) {
        return attachment(projectName, "plan", format);
    }

    private static String attachment(String projectName, String document, ExportFormat format) {
        String suffix = "-" + document.replace('_', '-') + "." + format.extension();
        String ascii = orFallback(asciiSlug(projectName)) + suffix;
        String unicode = orFallback(unicodeSlug(projectName)) + suffix;
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(unicode);
    }

    /** Lower-case ASCII letters and digits, words joined by hyphens; accents dropped, other scripts left out. */
    static String asciiSlug(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (LATIN_LETTERS.containsKey(c)) {
                out.append(LATIN_LETTERS.get(c));
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append('-');
            }
        }
        return tidy(out);
    }

    /** The name's letters and digits in any script, lower case, words joined by hyphens. */
    static String unicodeSlug(String name) {
        String composed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        composed.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
            } else {
                out.append('-');
            }
        });
        return tidy(out);
    }

    /** Runs of hyphens as one, none at either end, at most {@value #MAX_NAME_LENGTH} code points. */
    private static String tidy(StringBuilder slug) {
        String collapsed = slug.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (collapsed.codePointCount(0, collapsed.length()) > MAX_NAME_LENGTH) {
            collapsed = collapsed.substring(0, collapsed.offsetByCodePoints(0, MAX_NAME_LENGTH)).replaceAll("-$", "");
        }
        return collapsed;
    }

    private static String orFallback(String slug) {
        return slug.isEmpty() ? FALLBACK_NAME : slug;
    }

    /** RFC 8187 value-chars: attr-char as is, every other byte of the UTF-8 encoding as %XX. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
