package io.artifactpipeline.llm.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text resource with {@code {{name}}} placeholders. Values are inserted literally, once: a founder
 * who writes "{{idea}}" in an answer gets those characters, not a second substitution.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String ROOT = "/io/artifactpipeline/llm/prompts/";

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + ROOT + name + " is missing");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("prompt resource " + ROOT + name + " could not be read", e);
        }
    }

    /** The text with every placeholder replaced; a placeholder without a value is a bug in the caller. */
    String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        int last = 0;
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " needs a value for {{" + matcher.group(1) + "}}");
            }
            out.append(text, last, matcher.start()).append(value);
            last = matcher.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
