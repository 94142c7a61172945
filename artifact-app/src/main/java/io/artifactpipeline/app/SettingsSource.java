package io.artifactpipeline.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where settings come from: the environment first, then {@code application.yaml} in the working
 * directory (or the file named by {@code ARTIFACT_CONFIG}). A variable {@code ARTIFACT_LLM_MAX_CONCURRENCY}
 * is the YAML key {@code artifact.llm.max-concurrency}: the first two words are levels, the rest one key.
 */
final class SettingsSource {
    private final Map<String, String> environment;
    private final Config yaml;

    private SettingsSource(Map<String, String> environment, Config yaml) {
        this.environment = environment;
        this.yaml = yaml;
    }

    static SettingsSource of(Map<String, String> environment) {
        Path file = Path.of(environment.getOrDefault("ARTIFACT_CONFIG", "application.yaml"));
        Config yaml = Files.isRegularFile(file)
                ? Config.just(ConfigSources.file(file))
                : Config.empty();
        return new SettingsSource(environment, yaml);
    }

    Optional<String> get(String variable) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        return yaml.get(yamlKey(variable)).asString().asOptional().filter(v -> !v.isBlank());
    }

    String get(String variable, String defaultValue) {
        return get(variable).orElse(defaultValue);
    }

    int getInt(String variable, int defaultValue) {
        return parsed(variable, defaultValue, Integer::parseInt, "a whole number");
    }

    double getDouble(String variable, double defaultValue) {
        return parsed(variable, defaultValue, Double::parseDouble, "a number");
    }

    private <T> T parsed(String variable, T defaultValue, Function<String, T> parse, String what) {
        String value = get(variable, String.valueOf(defaultValue)).trim();
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be " + what + ", not '" + value + "'");
        }
    }

    long getLong(String variable, long defaultValue) {
        return parsed(variable, defaultValue, Long::parseLong, "a whole number");
    }

    boolean getBoolean(String variable, boolean defaultValue) {
        String value = get(variable, String.valueOf(defaultValue)).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, not '" + value + "'");
        };
    }

    static String yamlKey(String variable) {
        String[] words = variable.toLowerCase(Locale.ROOT).split("_");
        if (words.length < 3) {
            return String.join(".", words);
        }
        return words[0] + "." + words[1] + "." + String.join("-", java.util.Arrays.copyOfRange(words, 2, words.length));
    }
}
