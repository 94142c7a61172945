package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.Tier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared content of one artifact type. Everything about content comes from here: whole-content
 * validation, section-edit validation, the tier filter, the JSON Schema handed to a model and the
 * human titles of the type, its sections and record fields.
 */
public record ArtifactSchema(ArtifactType type, int version, List<SectionSpec> sections,
                             List<ConsistencyRule> consistencyRules, String title) {
    /** The largest whole content, as JSON (256 KiB). */
    public static final int MAX_CONTENT_BYTES = 256 * 1024;


    public ArtifactSchema {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
        consistencyRules = List.copyOf(consistencyRules);
    }

    /** A schema whose human title follows from the type's wire name ({@code mvp_scope} → "MVP Scope"). */
    public ArtifactSchema(ArtifactType type, int version, List<SectionSpec> sections,
                          List<ConsistencyRule> consistencyRules) {
        this(type, version, sections, consistencyRules, HumanTitle.of(type.wireName()));
    }

    /** The human title of a section of this type: its declared one, or the rule's for a key not declared. */
    public String sectionTitle(String key) {
        return section(key).map(SectionSpec::title).orElseGet(() -> HumanTitle.of(key));
    }

    public Optional<SectionSpec> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The sections a caller of this tier gets, in declaration order. */
    public List<SectionSpec> sectionsFor(Tier tier) {
        return sections.stream().filter(s -> tier.includes(s.level())).toList();
    }

    public List<String> sectionKeysFor(Tier tier) {
        return sectionsFor(tier).stream().map(SectionSpec::key).toList();
    }

    /** A copy of the content without the sections above the tier (a model that wrote more is not paid for it). */
    public ObjectNode filterToTier(ObjectNode content, Tier tier) {
        ObjectNode filtered = content.deepCopy();
        filtered.retain(sectionKeysFor(tier).stream().filter(filtered::has).toList());
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (section(name).isEmpty()) {
                filtered.set(name, content.get(name)); // unknown keys stay, so validation reports them
            }
        }
        return filtered;
    }

    /**
     * Validates a whole content object for a tier: every section of the tier present and well-shaped,
     * no other keys, and the consistency rules hold.
     */
    public List<Violation> validate(ObjectNode content, Tier tier) {
        List<Violation> violations = new ArrayList<>();
        for (SectionSpec spec : sectionsFor(tier)) {
            JsonNode value = content.get(spec.key());
            if (value == null || value.isNull()) {
                violations.add(new Violation("/" + spec.key(), "is required"));
            } else {
                violations.addAll(ShapeCheck.check(spec.shape(), value, "/" + spec.key()));
            }
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Optional<SectionSpec> spec = section(name);
            if (spec.isEmpty()) {
                violations.add(new Violation("/" + name, "is not a section of " + type.wireName()));
            } else if (!tier.includes(spec.get().level())) {
                violations.add(new Violation("/" + name, "is above the " + tier.wireName() + " tier"));
            }
        }
        if (violations.isEmpty()) {
            consistencyRules.forEach(rule -> violations.addAll(rule.check(content)));
        }
        if (violations.isEmpty()) {
            violations.addAll(sizeOf(content));
        }
        return violations;
    }

    /** A whole content of at most {@link #MAX_CONTENT_BYTES} as JSON: bounded rows, responses and exports. */
    private static List<Violation> sizeOf(ObjectNode content) {
        int bytes = content.toString().getBytes(StandardCharsets.UTF_8).length;
        return bytes <= MAX_CONTENT_BYTES ? List.of()
                : List.of(new Violation("", "the content would be " + bytes + " bytes as JSON; at most "
                        + MAX_CONTENT_BYTES + " are allowed"));
    }

    /**
     * Validates one edit: the path names a section of this type within the tier (and, below it, a field
     * or an existing item), the value fits the shape there, and the content stays consistent.
     */
    public List<Violation> validateEdit(ObjectNode content, SectionPath path, JsonNode value, Tier tier) {
        Optional<SectionSpec> spec = section(path.section());
        if (spec.isEmpty()) {
            return List.of(new Violation(path.raw(), "'" + path.section() + "' is not a section of " + type.wireName()));
        }
        if (!tier.includes(spec.get().level())) {
            return List.of(new Violation(path.raw(), "'" + path.section() + "' is above the " + tier.wireName() + " tier"));
        }
        Either target = locate(spec.get().shape(), content.get(path.section()), path);
        if (target.error != null) {
            return List.of(new Violation(path.raw(), target.error));
        }
        List<Violation> violations = ShapeCheck.check(target.shape, value, pointer(path));
        if (!violations.isEmpty()) {
            return violations;
        }
        ObjectNode after = content.deepCopy();
        path.write(after, value.deepCopy());
        List<Violation> inconsistencies = new ArrayList<>();
        consistencyRules.forEach(rule -> inconsistencies.addAll(rule.check(after)));
        if (inconsistencies.isEmpty()) {
            inconsistencies.addAll(sizeOf(after));
        }
        return inconsistencies;
    }

    /** The JSON Schema of this type's content for a tier, for a model's structured output. */
    public ObjectNode jsonSchema(Tier tier) {
        return JsonSchemaWriter.write(this, tier);
    }

    private static String pointer(SectionPath path) {
        return path.raw().startsWith("/") ? path.raw() : "/" + path.raw();
    }

    /** Walks the shape along the path below the section, checking array indexes against the current content. */
    private static Either locate(Shape shape, JsonNode current, SectionPath path) {
        List<String> rest = path.tokens().subList(1, path.tokens().size());
        for (String token : rest) {
            switch (shape) {
                case Shape.Record record -> {
                    Optional<Shape.Field> field = record.field(token);
                    if (field.isEmpty()) {
                        return Either.error("'" + token + "' is not a field here");
                    }
                    shape = field.get().shape();
                    current = current == null ? null : current.get(token);
                }
                case Shape.ListOf list -> {
                    int index = parseIndex(token);
                    if (current == null || !current.isArray() || index < 0 || index >= current.size()) {
                        return Either.error("there is no item " + token + " to replace");
                    }
                    shape = list.item();
                    current = current.get(index);
                }
                default -> {
                    return Either.error("'" + token + "' goes below a plain value");
                }
            }
        }
        if (!rest.isEmpty() && current == null) {
            return Either.error("there is nothing at this path to replace");
        }
        return new Either(shape, null);
    }

    private static int parseIndex(String token) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            return -1;
        }
        return Integer.parseInt(token);
    }

    private record Either(Shape shape, String error) {
        static Either error(String message) {
            return new Either(null, message);
        }
    }
}
