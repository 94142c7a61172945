package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;

import java.util.ArrayList;
import java.util.List;

/**
 * Strong ETags for artifacts, {@code "<artifact id>-<row version>"}: the store bumps the row version on
 * every change, so the tag changes with every change, and If-Match maps straight onto the core's
 * optimistic check.
 */
final class EntityTags {
    private EntityTags() {
    }

    static String of(Artifact artifact) {
        return "\"" + artifact.id() + "-" + artifact.rowVersion() + "\"";
    }

    /**
     * The row versions an If-Match header names for this artifact. Empty means "any" ({@code *}); a header
     * naming no version of this artifact (a weak tag, another artifact's tag, garbage) can never match the
     * current strong tag, so by RFC 9110 section 13.1.1 it is a 412, not a 400.
     */
    static List<Long> ifMatch(String header, ArtifactId id) {
        String value = header.strip();
        if ("*".equals(value)) {
            return List.of();
        }
        String prefix = "\"" + id + "-";
        List<Long> versions = new ArrayList<>();
        for (String tag : value.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith(prefix) && candidate.endsWith("\"") && candidate.length() > prefix.length() + 1) {
                String number = candidate.substring(prefix.length(), candidate.length() - 1);
                if (number.matches("[0-9]{1,18}")) {
                    versions.add(Long.parseLong(number));
                }
            }
        }
        if (versions.isEmpty()) {
            throw ClientError.preconditionFailed("If-Match names no current version of this artifact");
        }
        return versions;
    }

    /** True when If-None-Match already names the current tag, so a GET can answer 304. */
    static boolean noneMatchHits(String header, Artifact artifact) {
        String current = of(artifact);
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current) || candidate.equals("W/" + current)) {
                return true;
            }
        }
        return false;
    }
}
