package io.artifactpipeline.core.model;

/** Where an artifact stands with respect to generation. */
public enum ArtifactStatus {
    IDLE("idle"), GENERATING("generating"), FAILED("failed");

    private final String wireName;

    ArtifactStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
