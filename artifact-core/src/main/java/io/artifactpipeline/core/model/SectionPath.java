package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an edit lands: a top-level section key ({@code problem_statement}) or a JSON Pointer into the
 * content ({@code /core_features/1/priority}). The first token is always the section.
 */
public record SectionPath(String raw, List<String> tokens) {
    public SectionPath {
        Objects.requireNonNull(raw, "raw");
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty() || tokens.getFirst().isEmpty()) {
            throw new IllegalArgumentException("a section path names at least a section");
        }
    }

    /** Parses a section key or an RFC 6901 JSON Pointer. */
    public static SectionPath parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (!raw.startsWith("/")) {
            return new SectionPath(raw, List.of(raw));
        }
        List<String> tokens = new ArrayList<>();
        for (String token : raw.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return new SectionPath(raw, tokens);
    }

    public String section() {
        return tokens.getFirst();
    }

    public boolean isWholeSection() {
        return tokens.size() == 1;
    }

    /** Replaces the value at this path; the parents must exist (the validator has checked that). */
    public void write(ObjectNode content, JsonNode value) {
        JsonNode parent = content;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
        }
        String last = tokens.getLast();
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    @Override
    public String toString() {
        return raw;
    }
}
