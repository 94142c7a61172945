package io.artifactpipeline.core.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule that turns a key into the title people read: each word of the key capitalised, with
 * known abbreviations in capitals ({@code problem_statement} → "Problem Statement", {@code mvp_scope}
 * → "MVP Scope"). A declaration that needs something else states its own title instead.
 */
public final class HumanTitle {
    /** Words written in capitals wherever they appear in a key. */
    private static final Set<String> ABBREVIATIONS = Set.of("mvp");

    private HumanTitle() {
    }

    public static String of(String key) {
        return Arrays.stream(key.split("[_\\-\\s]+"))
                .filter(word -> !word.isEmpty())
                .map(HumanTitle::word)
                .collect(Collectors.joining(" "));
    }

    private static String word(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return lower.toUpperCase(Locale.ROOT);
        }
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
}
