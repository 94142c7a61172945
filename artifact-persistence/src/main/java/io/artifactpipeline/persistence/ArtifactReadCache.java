package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The two reads clients poll (an artifact, and its progress) served from memory while nothing in the
 * artifact's project has changed. It is kept current three ways:
 * <ul>
 *   <li>a write through this store marks its project changed once it has committed, before the write
 *       returns, so a client reads its own write from the server it wrote through at once;</li>
 *   <li>the change feed marks a project changed when another server's write reaches it (about one poll
 *       interval later);</li>
 *   <li>no entry is used more than {@link #MAX_AGE} after it was read, so a change whose notice never
 *       arrives (the feed drops the notices a dying server still held) is seen within a second all the same.</li>
 * </ul>
 * Changes are tracked per project rather than per artifact because an artifact's record says whether it is
 * stale against its siblings. A project's epoch is a number drawn from one sequence each time the project
 * changes; an entry remembers the epoch it was read under and counts only while that is still the project's
 * epoch. A read that overlapped a change (the epoch moved after the read began) is returned but not kept, so
 * an older read can never be put in after a change and hide it.
 *
 * <p>Bounded: artifacts by an estimate of their content's size, progress and projects by count. An entry is
 * only ever served to the owner it was read for; anyone else's read goes to the database (and finds nothing).
 * After a restart it is empty and fills on demand. Callers share what it holds, which is safe because an
 * {@link Artifact} is never changed in place: every change to one, its content included, is a copy.
 */
final class ArtifactReadCache {
    static final Duration MAX_AGE = Duration.ofMillis(900);
    private static final long MAX_ARTIFACT_BYTES = 64L << 20;
    private static final int MAX_PROGRESS_ENTRIES = 100_000;
    private static final int MAX_PROJECTS = 100_000;

    /** What a read found: the value, with whose it is and the project whose changes make it old. */
    record Found<T>(UserId owner, ProjectId project, T value) {
    }

    private record Entry<T>(Found<T> found, long epoch) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Cache<ProjectId, Long> epochs = Caffeine.newBuilder().maximumSize(MAX_PROJECTS).build();
    private final Cache<ArtifactId, Entry<Artifact>> artifacts;
    private final Cache<ArtifactId, Entry<ArtifactProgress>> progress;

    ArtifactReadCache() {
        this(Ticker.systemTicker());
    }

    /** @param ticker the time entries age by (tests move it by hand) */
    ArtifactReadCache(Ticker ticker) {
        artifacts = Caffeine.newBuilder()
                .maximumWeight(MAX_ARTIFACT_BYTES)
                .weigher((ArtifactId id, Entry<Artifact> entry) -> estimatedBytes(entry.found().value()))
                .expireAfterWrite(MAX_AGE)
                .ticker(ticker)
                .build();
        progress = Caffeine.newBuilder()
                .maximumSize(MAX_PROGRESS_ENTRIES)
                .expireAfterWrite(MAX_AGE)
                .ticker(ticker)
                .build();
    }

    Optional<Artifact> artifact(UserId owner, ArtifactId id, Supplier<Optional<Found<Artifact>>> read) {
        return readThrough(artifacts, owner, id, read);
    }

    Optional<ArtifactProgress> progress(UserId owner, ArtifactId id, Supplier<Optional<Found<ArtifactProgress>>> read) {
        return readThrough(progress, owner, id, read);
    }

    /** Something in the project changed (or may have): nothing read before now is served again. */
    void changed(ProjectId project) {
        epochs.put(project, sequence.incrementAndGet());
    }

    private <T> Optional<T> readThrough(Cache<ArtifactId, Entry<T>> cache, UserId owner, ArtifactId id,
                                        Supplier<Optional<Found<T>>> read) {
        Entry<T> entry = cache.getIfPresent(id);
        if (entry != null && entry.found().owner().equals(owner) && isCurrent(entry)) {
            return Optional.of(entry.found().value());
        }
        long readFrom = sequence.get();
        Optional<Found<T>> found = read.get();
        found.ifPresent(value -> {
            // A project seen for the first time gets an epoch after readFrom: that read is not kept, the next is.
            long epoch = epochs.get(value.project(), project -> sequence.incrementAndGet());
            if (epoch <= readFrom) {
                cache.put(id, new Entry<>(value, epoch));
            }
        });
        return found.map(Found::value);
    }

    private boolean isCurrent(Entry<?> entry) {
        Long epoch = epochs.getIfPresent(entry.found().project());
        return epoch != null && epoch == entry.epoch(); // a forgotten epoch forgets the project's entries
    }

    /** Roughly what the artifact holds in memory; its two contents dominate. */
    private static int estimatedBytes(Artifact artifact) {
        long bytes = 512 + 200L * artifact.annotations().size()
                + estimatedBytes(artifact.currentContent()) + estimatedBytes(artifact.previousContent());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long estimatedBytes(JsonNode node) {
        if (node == null) {
            return 0;
        }
        long bytes = 48 + (node.isTextual() ? 2L * node.textValue().length() : 0);
        for (var fields = node.properties().iterator(); fields.hasNext(); ) {
            var field = fields.next();
            bytes += 48 + 2L * field.getKey().length() + estimatedBytes(field.getValue());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                bytes += estimatedBytes(element);
            }
        }
        return bytes;
    }
}
