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

/**
 * Everything a model needs to write one artifact.
 *
 * @param schema          JSON Schema of the content to return, already cut to the tier
 * @param sections        section keys to write, in order (the tier's sections)
 * @param dependencies    current content of each artifact this one depends on, in generation order
 * @param previousContent the content being replaced by a regeneration, or null
 * @param instructions    the founder's steer for a regeneration, or null
 * @param repair          when the last answer was invalid: that answer and what was wrong with it; else null
 */
public record ModelRequest(ArtifactType type, Tier tier, ObjectNode schema, List<String> sections, Project project,
                           Map<ArtifactType, ObjectNode> dependencies, ObjectNode previousContent, String instructions,
                           Repair repair) {

    public ModelRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(project, "project");
        sections = List.copyOf(sections);
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    /** The model's rejected answer and the violations it must fix. */
    public record Repair(ObjectNode rejectedContent, List<Violation> violations) {
        public Repair {
            violations = List.copyOf(violations);
        }
    }

    public boolean isRegeneration() {
        return previousContent != null;
    }

    public ModelRequest withRepair(ObjectNode rejectedContent, List<Violation> violations) {
        return new ModelRequest(type, tier, schema, sections, project, dependencies, previousContent, instructions,
                new Repair(rejectedContent, violations));
    }
}
