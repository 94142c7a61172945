package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Checks a JSON value against a {@link Shape}, reporting every violation with its JSON Pointer. */
final class ShapeCheck {
    private ShapeCheck() {
    }

    static List<Violation> check(Shape shape, JsonNode value, String path) {
        List<Violation> violations = new ArrayList<>();
        check(shape, value, path, violations);
        return violations;
    }

    private static void check(Shape shape, JsonNode value, String path, List<Violation> out) {
        switch (shape) {
            case Shape.Text ignored -> {
                if (!value.isTextual()) {
                    out.add(new Violation(path, "must be a string"));
                } else if (value.asText().isBlank()) {
                    out.add(new Violation(path, "must not be empty"));
                } else if (value.asText().length() > Shape.MAX_TEXT_LENGTH) {
                    out.add(new Violation(path, "allows at most " + Shape.MAX_TEXT_LENGTH + " characters"));
                } else if (Texts.hasNul(value.asText())) {
                    out.add(new Violation(path, Texts.NO_NUL));
                }
            }
            case Shape.Int integer -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    out.add(new Violation(path, "must be a whole number"));
                } else if (value.asInt() < integer.minimum()) {
                    out.add(new Violation(path, "must be at least " + integer.minimum()));
                }
            }
            case Shape.Choice choice -> {
                if (!value.isTextual() || !choice.values().contains(value.asText())) {
                    out.add(new Violation(path, "must be one of " + String.join(", ", choice.values())));
                }
            }
            case Shape.Record record -> checkRecord(record, value, path, out);
            case Shape.ListOf list -> checkList(list, value, path, out);
        }
    }

    private static void checkRecord(Shape.Record record, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(path, "must be an object"));
            return;
        }
        Set<String> known = new HashSet<>();
        for (Shape.Field field : record.fields()) {
            known.add(field.name());
            JsonNode fieldValue = value.get(field.name());
            if (fieldValue == null || fieldValue.isNull()) {
                out.add(new Violation(path + "/" + field.name(), "is required"));
            } else {
                check(field.shape(), fieldValue, path + "/" + field.name(), out);
            }
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                out.add(new Violation(path + "/" + name, "is not a field of this object"));
            }
        }
    }

    private static void checkList(Shape.ListOf list, JsonNode value, String path, List<Violation> out) {
        if (!value.isArray()) {
            out.add(new Violation(path, "must be an array"));
            return;
        }
        if (value.size() < list.minItems()) {
            out.add(new Violation(path, "needs at least " + list.minItems() + " item(s)"));
        }
        if (value.size() > list.maxItems()) {
            out.add(new Violation(path, "allows at most " + list.maxItems() + " items"));
        }
        for (int i = 0; i < value.size(); i++) {
            check(list.item(), value.get(i), path + "/" + i, out);
        }
    }
}
