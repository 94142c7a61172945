package io.artifactpipeline.core.contract;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery rule every {@link ArtifactEvents} adapter follows, local or shared between servers:
 * in publishing order, only to the project's subscribers, nothing after a subscription is closed, and a
 * listener that throws is unsubscribed while the others still get every change. Adapters may deliver
 * later than {@code publish} returns, so the contract waits for deliveries rather than expecting them.
 */
public abstract class EventsContract {
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private ArtifactEvents events;
    private final ProjectId project = new ProjectId(UUID.randomUUID());
    private final ProjectId otherProject = new ProjectId(UUID.randomUUID());

    /** A fresh adapter; {@link #closeEvents} is called after each test. */
    protected abstract ArtifactEvents openEvents();

    protected void closeEvents() {
    }

    @BeforeEach
    void open() {
        events = openEvents();
    }

    @AfterEach
    void close() {
        closeEvents();
    }

    @Test
    void subscribersGetTheProjectsChangesInPublishingOrder() {
        Recorder recorder = new Recorder();
        events.subscribe(project, recorder);
        List<ArtifactChange> published = List.of(change(project, 1), change(project, 2), change(project, 3));

        events.publish(published.get(0));
        events.publishAll(published.subList(1, 3));

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(recorder.seen).containsExactlyElementsOf(published));
    }

    @Test
    void subscribersGetNothingOfOtherProjects() {
        Recorder recorder = new Recorder();
        events.subscribe(project, recorder);

        events.publish(change(otherProject, 1));
        ArtifactChange mine = change(project, 2);
        events.publish(mine);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(recorder.seen).containsExactly(mine));
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        Recorder closed = new Recorder();
        Recorder open = new Recorder();
        events.subscribe(project, closed).close();
        events.subscribe(project, open);

        ArtifactChange change = change(project, 1);
        events.publish(change);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(open.seen).containsExactly(change));
        assertThat(closed.seen).isEmpty();
    }

    @Test
    void aListenerThatThrowsIsUnsubscribedAndTheOthersStillGetEveryChange() {
        Recorder failing = new Recorder() {
            @Override
            public void accept(ArtifactChange change) {
                super.accept(change);
                throw new IllegalStateException("the client went away");
            }
        };
        Recorder healthy = new Recorder();
        events.subscribe(project, failing);
        events.subscribe(project, healthy);

        List<ArtifactChange> published = List.of(change(project, 1), change(project, 2));
        published.forEach(events::publish);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(healthy.seen).containsExactlyElementsOf(published));
        assertThat(failing.seen).containsExactly(published.getFirst());
    }

    private static ArtifactChange change(ProjectId project, int version) {
        return new ArtifactChange(project, new ArtifactId(UUID.randomUUID()), ArtifactType.BRIEF,
                ArtifactChange.Kind.CONTENT_WRITTEN, ArtifactStatus.IDLE, version,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static class Recorder implements Consumer<ArtifactChange> {
        final List<ArtifactChange> seen = new CopyOnWriteArrayList<>();

        @Override
        public void accept(ArtifactChange change) {
            seen.add(change);
        }
    }
}
