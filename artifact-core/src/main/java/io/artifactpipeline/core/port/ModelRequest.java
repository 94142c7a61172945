package io.artifactpipeline.core.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.Violation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a model needs to write one artifact. Start from {@link #firstDraft} and add what applies
 * with the {@code with...} methods.
 *
 * @param schema          JSON Schema of the content to return, already cut to the tier
 * @param sections        section keys to write, in order (the tier's sections)
 * @param dependencies    current content of each artifact this one depends on, in generation order
 * @param previousContent the content being replaced by a regeneration
 * @param instructions    the founder's steer for a regeneration
 * @param repair          when the last answer was invalid: that answer and what was wrong with it
 */
public record ModelRequest(ArtifactType type, Tier tier, ObjectNode schema, List<String> sections, Project project,
                           Map<ArtifactType, ObjectNode> dependencies, Optional<ObjectNode> previousContent,
                           Optional<String> instructions, Optional<Repair> repair) {

    public ModelRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(previousContent, "previousContent");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(repair, "repair");
        sections = List.copyOf(sections);
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    /** A request to write an artifact from its dependencies alone. */
    public static ModelRequest firstDraft(ArtifactType type, Tier tier, ObjectNode schema, List<String> sections,
                                          Project project, Map<ArtifactType, ObjectNode> dependencies) {
        return new ModelRequest(type, tier, schema, sections, project, dependencies, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The model's rejected answer and the violations it must fix. */
    public record Repair(ObjectNode rejectedContent, List<Violation> violations) {
        public Repair {
            Objects.requireNonNull(rejectedContent, "rejectedContent");
            violations = List.copyOf(violations);
        }
    }

    public boolean isRegeneration() {
        return previousContent.isPresent();
    }

    /** This request as a regeneration that replaces {@code content}. */
    public ModelRequest withPreviousContent(ObjectNode content) {
        return new ModelRequest(type, tier, schema, sections, project, dependencies, Optional.of(content),
                instructions, repair);
    }

    /** This request steered by the founder's instructions; blank instructions steer nothing. */
    public ModelRequest withInstructions(Optional<String> steer) {
        return new ModelRequest(type, tier, schema, sections, project, dependencies, previousContent,
                steer.map(String::strip).filter(text -> !text.isEmpty()), repair);
    }

    public ModelRequest withRepair(ObjectNode rejectedContent, List<Violation> violations) {
        return new ModelRequest(type, tier, schema, sections, project, dependencies, previousContent, instructions,
                Optional.of(new Repair(rejectedContent, violations)));
    }
}
