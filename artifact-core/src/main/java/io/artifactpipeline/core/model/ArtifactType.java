package io.artifactpipeline.core.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The five planning documents, in generation order. The wire name is what appears in JSON and URLs;
 * the dependencies are real: an artifact's prompt carries the current content of each of them.
 */
public enum ArtifactType {
    BRIEF("brief"),
    MVP_SCOPE("mvp_scope", BRIEF),
    MILESTONES("milestones", BRIEF, MVP_SCOPE),
    RISK_LOG("risk_log", BRIEF, MVP_SCOPE),
    HOW_IT_WORKS("how_it_works", BRIEF, MVP_SCOPE);

    private final String wireName;
    private final List<ArtifactType> dependencies;

    ArtifactType(String wireName, ArtifactType... dependencies) {
        this.wireName = wireName;
        this.dependencies = List.of(dependencies);
    }

    public String wireName() {
        return wireName;
    }

    /** The artifacts whose current content this one is written from, in generation order. */
    public List<ArtifactType> dependencies() {
        return dependencies;
    }

    /** Every artifact that depends on this one, directly or through another. */
    public Set<ArtifactType> dependents() {
        Set<ArtifactType> dependents = EnumSet.noneOf(ArtifactType.class);
        for (ArtifactType other : values()) {
            if (other.dependencies.contains(this)) {
                dependents.add(other);
                dependents.addAll(other.dependents());
            }
        }
        return dependents;
    }

    public static Optional<ArtifactType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** All types in generation order. */
    public static List<ArtifactType> inGenerationOrder() {
        return List.of(values());
    }
}
