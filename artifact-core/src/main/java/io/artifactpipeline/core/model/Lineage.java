package io.artifactpipeline.core.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an artifact's content came from and whether that is still current: the number of its own
 * latest revision, the revision of each dependency its content was written from, and (filled in by
 * the store when it reads) each dependency's latest revision now. Staleness is computed from these,
 * never stored, so it cannot drift from the history.
 *
 * @param headRevision   the number of this artifact's latest revision; 0 before the first; set by the store
 * @param writtenFrom    dependency → the revision of it this content was written from; empty for brief and
 *                       for an artifact never written
 * @param dependencyHeads dependency → its latest revision as the store last read it
 */
public record Lineage(int headRevision, Map<ArtifactType, Integer> writtenFrom,
                      Map<ArtifactType, Integer> dependencyHeads) {
    /** Nothing written yet, nothing known. */
    public static final Lineage NONE = new Lineage(0, Map.of(), Map.of());

    public Lineage {
        writtenFrom = copy(writtenFrom);
        dependencyHeads = copy(dependencyHeads);
        if (headRevision < 0) {
            throw new IllegalArgumentException("a revision number is never negative");
        }
    }

    /** Some dependency has a revision newer than the one this content was written from. */
    public boolean isStale() {
        return writtenFrom.entrySet().stream()
                .anyMatch(used -> dependencyHeads.getOrDefault(used.getKey(), 0) > used.getValue());
    }

    public Lineage withHeadRevision(int head) {
        return new Lineage(head, writtenFrom, dependencyHeads);
    }

    public Lineage withWrittenFrom(Map<ArtifactType, Integer> used) {
        return new Lineage(headRevision, used, dependencyHeads);
    }

    /** The same lineage as seen against the given latest revisions of the project's artifacts. */
    public Lineage seenAgainst(ArtifactType type, Map<ArtifactType, Integer> latestRevisions) {
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        for (ArtifactType dependency : type.dependencies()) {
            Integer head = latestRevisions.get(dependency);
            if (head != null) {
                heads.put(dependency, head);
            }
        }
        return new Lineage(headRevision, writtenFrom, heads);
    }

    private static Map<ArtifactType, Integer> copy(Map<ArtifactType, Integer> map) {
        Objects.requireNonNull(map, "map");
        return map.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(map));
    }
}
