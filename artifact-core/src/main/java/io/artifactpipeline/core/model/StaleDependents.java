package io.artifactpipeline.core.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which artifacts a new revision of one of their dependencies has just made stale. */
public final class StaleDependents {
    private StaleDependents() {
    }

    /**
     * The artifacts among {@code project} that were current before {@code changed} got its latest
     * revision and are stale now. Artifacts being generated are left out: they are about to be rewritten.
     *
     * @param changed the artifact as saved with its new revision (its lineage's head revision)
     */
    public static List<Artifact> madeStaleBy(Artifact changed, List<Artifact> project) {
        int now = changed.lineage().headRevision();
        return project.stream()
                .filter(artifact -> artifact.type().dependencies().contains(changed.type()))
                .filter(artifact -> !artifact.isGenerating())
                .filter(artifact -> !staleWith(artifact, changed.type(), now - 1) && staleWith(artifact, changed.type(), now))
                .toList();
    }

    private static boolean staleWith(Artifact artifact, ArtifactType dependency, int dependencyHead) {
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        heads.putAll(artifact.lineage().dependencyHeads());
        heads.put(dependency, dependencyHead);
        return new Lineage(artifact.lineage().headRevision(), artifact.writtenFrom(), heads).isStale();
    }
}
