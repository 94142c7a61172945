package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactReadCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ArtifactReadCache cache = new ArtifactReadCache(nanos::get);
    private final UserId owner = new UserId("olga");
    private final ProjectId project = new ProjectId(UUID.randomUUID());
    private final ArtifactId id = new ArtifactId(UUID.randomUUID());
    private final AtomicInteger reads = new AtomicInteger();
    private volatile ArtifactProgress stored = progress(1);

    @Test
    void anUnchangedProjectsArtifactIsReadFromTheDatabaseOnceAfterItsFirstSighting() {
        assertThat(read(owner)).contains(stored);
        assertThat(read(owner)).contains(stored);
        assertThat(read(owner)).contains(stored);
        assertThat(read(owner)).contains(stored);
        assertThat(reads).as("a project's first sighting is not kept; the next read is, and serves the rest")
                .hasValue(2);
    }

    @Test
    void aChangeInTheProjectIsReadAtOnce() {
        warm();
        stored = progress(2);
        cache.changed(project);
        assertThat(read(owner)).contains(progress(2));
        cache.changed(new ProjectId(UUID.randomUUID()));
        assertThat(read(owner)).as("another project's change leaves this one's entries").contains(progress(2));
        assertThat(reads).hasValue(3);
    }

    @Test
    void noEntryOutlivesItsMaximumAgeEvenWithoutANotice() {
        warm();
        stored = progress(2);
        nanos.addAndGet(ArtifactReadCache.MAX_AGE.minusMillis(1).toNanos());
        assertThat(read(owner)).as("a notice may still be on its way").contains(progress(1));
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(read(owner)).as("but no entry is older than the limit").contains(progress(2));
    }

    @Test
    void anEntryIsServedOnlyToTheOwnerItWasReadFor() {
        warm();
        int before = reads.get();
        assertThat(cache.progress(new UserId("mallory"), id, () -> {
            reads.incrementAndGet();
            return Optional.empty(); // the database's answer for someone else's artifact
        })).isEmpty();
        assertThat(reads).as("the stranger's read went to the database").hasValue(before + 1);
    }

    @Test
    void aReadThatOverlapsAChangeIsReturnedButNotKept() {
        warm();
        ArtifactProgress old = stored;
        Supplier<Optional<ArtifactReadCache.Found<ArtifactProgress>>> slowRead = () -> {
            reads.incrementAndGet();
            stored = progress(3);
            cache.changed(project); // the write commits and says so while this read still holds the old row
            return Optional.of(new ArtifactReadCache.Found<>(owner, project, old));
        };
        cache.changed(project);
        assertThat(cache.progress(owner, id, slowRead)).contains(old);
        assertThat(read(owner)).as("the old row was not kept").contains(progress(3));
    }

    @Test
    void nothingFoundIsNotKept() {
        ArtifactId missing = new ArtifactId(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            assertThat(cache.progress(owner, missing, () -> {
                reads.incrementAndGet();
                return Optional.empty();
            })).isEmpty();
        }
        assertThat(reads).hasValue(3);
    }

    private void warm() {
        read(owner);
        read(owner);
        assertThat(read(owner)).contains(stored);
        assertThat(reads).hasValue(2);
    }

    private Optional<ArtifactProgress> read(UserId who) {
        return cache.progress(who, id, () -> {
            reads.incrementAndGet();
            return Optional.of(new ArtifactReadCache.Found<>(owner, project, stored));
        });
    }

    private static ArtifactProgress progress(int version) {
        return new ArtifactProgress(ArtifactStatus.IDLE, version, Instant.parse("2026-12-01T00:00:00Z"), null);
    }
}
