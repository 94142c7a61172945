package io.artifactpipeline.llm.prompt;

import io.artifactpipeline.core.schema.Shape;

import java.util.stream.Collectors;

/** A section's shape in words, so the prompt states the bounds that a strict JSON Schema may have to drop. */
final class ShapeText {
    private ShapeText() {
    }

    static String describe(Shape shape) {
        return switch (shape) {
            case Shape.Text ignored -> "a non-empty string";
            case Shape.Int integer -> "a whole number, at least " + integer.minimum();
            case Shape.Choice choice -> "one of " + choice.values().stream().map(v -> "\"" + v + "\"")
                    .collect(Collectors.joining(", "));
            case Shape.Record record -> "an object {" + record.fields().stream()
                    .map(f -> f.name() + ": " + describe(f.shape())).collect(Collectors.joining("; ")) + "}";
            case Shape.ListOf list -> "a list" + bounds(list) + ", each item " + describe(list.item());
        };
    }

    private static String bounds(Shape.ListOf list) {
        if (list.minItems() == 0) {
            return " of at most " + list.maxItems() + " items";
        }
        return " of " + list.minItems() + " to " + list.maxItems() + " items";
    }
}
