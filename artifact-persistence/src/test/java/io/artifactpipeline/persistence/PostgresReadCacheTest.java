package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ArtifactChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read cache across two servers sharing a PostgreSQL database: the writer's server reads the write at
 * once; the other server, whose cache entries here never age (its ticker stands still), learns of it
 * through the change feed alone.
 */
class PostgresReadCacheTest {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    private JpaStorage serverA;
    private JpaStorage serverB;

    @BeforeEach
    void open() {
        serverA = JpaStorage.open(postgres.settings(4));
        serverB = JpaStorage.openWithReadCacheTicker(postgres.settings(4), () -> 0L);
        serverA.artifactEvents();
        serverB.artifactEvents(); // starts B's feed
    }

    @AfterEach
    void close() {
        serverA.close();
        serverB.close();
    }

    @Test
    void aWriteIsReadAtOnceWhereItWasMadeAndThroughTheChangeFeedElsewhere() {
        UserId owner = Fixtures.user();
        Artifact brief = Fixtures.generatedProject(serverA, owner).getFirst();
        for (int i = 0; i < 3; i++) { // B keeps it
            assertThat(serverB.findArtifact(owner, brief.id()).orElseThrow().annotations()).isEmpty();
            assertThat(serverB.findProgress(owner, brief.id())).isPresent();
        }

        Artifact annotated = serverA.addAnnotation(owner, brief.id(),
                new Annotation(new AnnotationId(UUID.randomUUID()), "target_user", "check this", Fixtures.now()));
        assertThat(serverA.findArtifact(owner, brief.id()).orElseThrow().annotations())
                .as("the writer's server reads its own write at once").hasSize(1);
        assertThat(serverB.findArtifact(owner, brief.id()).orElseThrow().annotations())
                .as("B has heard nothing yet, and its entry has not aged").isEmpty();

        serverA.artifactEvents().publish(ArtifactChange.of(annotated, ArtifactChange.Kind.ANNOTATED));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(serverB.findArtifact(owner, brief.id()).orElseThrow().annotations()).hasSize(1));
    }

    @Test
    void anotherOwnerNeverGetsACachedEntry() {
        UserId owner = Fixtures.user();
        List<Artifact> artifacts = Fixtures.generatedProject(serverA, owner);
        Artifact brief = artifacts.getFirst();
        for (int i = 0; i < 3; i++) {
            assertThat(serverA.findArtifact(owner, brief.id())).isPresent();
            assertThat(serverA.findProgress(owner, brief.id())).isPresent();
        }
        UserId stranger = Fixtures.user();
        assertThat(serverA.findArtifact(stranger, brief.id())).isEmpty();
        assertThat(serverA.findProgress(stranger, brief.id())).isEmpty();
    }
}
