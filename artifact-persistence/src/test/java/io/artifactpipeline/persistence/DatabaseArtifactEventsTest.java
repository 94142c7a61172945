package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two storages on one database stand in for two servers: a change published on one reaches the other. */
class DatabaseArtifactEventsTest {
    private JpaStorage serverA;
    private JpaStorage serverB;

    @BeforeEach
    void open() {
        DatabaseSettings shared = TestDatabases.freshH2();
        serverA = JpaStorage.open(shared);
        serverB = JpaStorage.open(shared);
    }

    @AfterEach
    void close() {
        serverB.close();
        serverA.close();
    }

    @Test
    void aChangePublishedOnOneServerReachesSubscribersOnEvery() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        List<ArtifactChange> onA = new CopyOnWriteArrayList<>();
        List<ArtifactChange> onB = new CopyOnWriteArrayList<>();
        serverA.artifactEvents().subscribe(project, onA::add);
        serverB.artifactEvents().subscribe(project, onB::add);

        ArtifactChange change = change(project, ArtifactChange.Kind.CONTENT_WRITTEN);
        serverA.artifactEvents().publish(change);

        await().atMost(Duration.ofSeconds(5)).until(() -> onA.size() == 1 && onB.size() == 1);
        assertThat(onB).containsExactly(change);
        assertThat(onA).containsExactly(change);
    }

    @Test
    void subscribersHearOnlyTheirProjectAndOnlyUntilTheyLeave() throws InterruptedException {
        ProjectId mine = new ProjectId(UUID.randomUUID());
        List<ArtifactChange> heard = new CopyOnWriteArrayList<>();
        ArtifactEvents.Subscription subscription = serverB.artifactEvents().subscribe(mine, heard::add);
        serverB.artifactEvents().subscribe(mine, change -> {
            throw new IllegalStateException("a broken listener must not silence the others");
        });

        serverA.artifactEvents().publish(change(new ProjectId(UUID.randomUUID()), ArtifactChange.Kind.EDITED));
        ArtifactChange first = change(mine, ArtifactChange.Kind.EDITED);
        serverA.artifactEvents().publish(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());

        subscription.close();
        subscription.close();
        serverA.artifactEvents().publish(change(mine, ArtifactChange.Kind.ANNOTATED));
        Thread.sleep(DatabaseArtifactEvents.POLL_INTERVAL.multipliedBy(4).toMillis());
        assertThat(heard).containsExactly(first);
    }

    @Test
    void changesFromBeforeAServerStartedAreNotReplayed() throws InterruptedException {
        ProjectId project = new ProjectId(UUID.randomUUID());
        List<ArtifactChange> heardByPublisher = new CopyOnWriteArrayList<>();
        serverA.artifactEvents().subscribe(project, heardByPublisher::add);
        serverA.artifactEvents().publish(change(project, ArtifactChange.Kind.STATUS_CHANGED));
        // publishing is asynchronous: the change is stored once its own server hears it
        await().atMost(Duration.ofSeconds(5)).until(() -> !heardByPublisher.isEmpty());
        List<ArtifactChange> heard = new CopyOnWriteArrayList<>();
        serverB.artifactEvents().subscribe(project, heard::add);
        ArtifactChange later = change(project, ArtifactChange.Kind.CONTENT_WRITTEN);
        serverA.artifactEvents().publish(later);
        await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
        Thread.sleep(DatabaseArtifactEvents.POLL_INTERVAL.multipliedBy(3).toMillis());
        assertThat(heard).containsExactly(later);
    }

    private static ArtifactChange change(ProjectId project, ArtifactChange.Kind kind) {
        return new ArtifactChange(project, new ArtifactId(UUID.randomUUID()), ArtifactType.RISK_LOG, kind,
                ArtifactStatus.IDLE, 2, Fixtures.now());
    }
}
