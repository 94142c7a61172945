package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks JSON against a schema of OpenAI's published OpenAPI description (the copy in test resources), for the
 * keywords that description uses: $ref, allOf/anyOf/oneOf, type (and nullable), enum, properties, required,
 * additionalProperties, items, min/maxItems, minimum/maximum. Stricter than JSON Schema in one way, on
 * purpose: an object whose schema declares properties and does not allow others is closed, so a misspelt
 * field name is reported instead of passing silently.
 */
final class OpenApiCheck {
    private static final OpenApiCheck INSTANCE = load();
    private final JsonNode schemas;

    private OpenApiCheck(JsonNode schemas) {
        this.schemas = schemas;
    }

    static OpenApiCheck reference() {
        return INSTANCE;
    }

    private static OpenApiCheck load() {
        try (InputStream in = OpenApiCheck.class.getResourceAsStream("/openai/openai-chat-completions.openapi.json")) {
            return new OpenApiCheck(new ObjectMapper().readTree(in).path("components").path("schemas"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the value breaks the named component schema; empty when it fits. */
    List<String> violations(String schemaName, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(component(schemaName), value, "", errors, true);
        return errors;
    }

    private JsonNode component(String name) {
        JsonNode schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no component schema " + name);
        }
        return schema;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = component(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        return schema;
    }

    /** @param closed whether fields the schema does not declare are errors (not for an allOf member alone) */
    private void check(JsonNode schema, JsonNode value, String path, List<String> errors, boolean closed) {
        // The description writes "$ref" with "nullable: true" beside it (the stream chunk's usage): honour both.
        boolean nullableReference = schema.path("nullable").asBoolean(false);
        schema = resolve(schema);
        if (value.isNull() && (nullableReference || schema.path("nullable").asBoolean(false)
                || "null".equals(schema.path("type").asText()))) {
            return;
        }
        if (schema.has("anyOf") && matching(schema.get("anyOf"), value, path, closed) == 0) {
            errors.add(path + ": matches none of anyOf");
        }
        if (schema.has("oneOf")) {
            int matches = matching(schema.get("oneOf"), value, path, closed);
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " of oneOf, not exactly one");
            }
        }
        for (JsonNode member : schema.path("allOf")) {
            check(member, value, path, errors, false);
        }
        checkType(schema, value, path, errors);
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(path + ": " + value + " is not one of the enum");
        }
        if (value.isObject()) {
            checkObject(schema, value, path, errors, closed);
        }
        if (value.isArray()) {
            checkArray(schema, value, path, errors);
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                errors.add(path + ": below minimum");
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(path + ": above maximum");
            }
        }
    }

    private int matching(JsonNode branches, JsonNode value, String path, boolean closed) {
        int matches = 0;
        for (JsonNode branch : branches) {
            List<String> trial = new ArrayList<>();
            check(branch, value, path, trial, closed);
            if (trial.isEmpty()) {
                matches++;
            }
        }
        return matches;
    }

    private void checkType(JsonNode schema, JsonNode value, String path, List<String> errors) {
        String type = schema.path("type").asText("");
        boolean fits = switch (type) {
            case "" -> true;
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("type " + type);
        };
        if (!fits) {
            errors.add(path + ": expected " + type + ", got " + value.getNodeType());
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path, List<String> errors, boolean closed) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(path + "/" + required.asText() + ": is required");
            }
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), path + "/" + name, errors, true);
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        Set<String> declared = declared(schema);
        if (!closed || declared.isEmpty() && additional == null) {
            return;
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (declared.contains(name)) {
                continue;
            }
            if (additional != null && additional.isObject()) {
                check(additional, value.get(name), path + "/" + name, errors, true);
            } else if (additional == null || !additional.asBoolean(false)) {
                errors.add(path + "/" + name + ": is not a declared field");
            }
        }
    }

    /** Properties declared by the schema itself and by its allOf members. */
    private Set<String> declared(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (JsonNode member : schema.path("allOf")) {
            names.addAll(declared(resolve(member)));
        }
        return names;
    }

    private void checkArray(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            errors.add(path + ": fewer than minItems");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            errors.add(path + ": more than maxItems");
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "/" + i, errors, true);
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
