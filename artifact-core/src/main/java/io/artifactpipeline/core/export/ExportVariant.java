package io.artifactpipeline.core.export;

import java.util.Arrays;
import java.util.Optional;

/** Who an export is for: people reading it ({@code readable}, the default) or tools and reviewers ({@code technical}). */
public enum ExportVariant {
    /** Titles, sections, paragraphs, bullets and tables; no metadata. */
    READABLE("readable"),
    /** The readable document plus front matter, stable heading anchors and each section's annotations. */
    TECHNICAL("technical");

    private final String wireName;

    ExportVariant(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The variant a query parameter names; empty for an unknown name (the caller answers 400). */
    public static Optional<ExportVariant> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wireName)).findFirst();
    }
}
