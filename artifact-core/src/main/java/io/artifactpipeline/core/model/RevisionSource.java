package io.artifactpipeline.core.model;

/** Why content changed. */
public enum RevisionSource {
    GENERATED("generated"), REGENERATED("regenerated"), EDITED("edited"), RESTORED("restored");

    private final String wireName;

    RevisionSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
