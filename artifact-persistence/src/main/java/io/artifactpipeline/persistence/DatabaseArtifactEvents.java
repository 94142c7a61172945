package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactListeners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Artifact changes delivered to subscribers on every server sharing the database. Publishing hands the
 * change to an outbox that one background thread writes to {@code artifact_change} in batches (a burst
 * of generations would otherwise pay a transaction per change); another polls for newer rows and hands
 * them to this server's subscribers. Latency is about one poll interval; a change published while the
 * database is unreachable, or still in the outbox when the process dies, is dropped: it is a live feed,
 * and clients re-read what they show.
 */
final class DatabaseArtifactEvents implements ArtifactEvents, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseArtifactEvents.class.getName());
    static final Duration POLL_INTERVAL = Duration.ofMillis(150);
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final Duration FLUSH_WAIT = Duration.ofMillis(100);
    private static final int MAX_BATCH = 500;

    private final Database database;
    private final Clock clock;
    private final ChangeCursor cursor;
    private final ArtifactListeners listeners = new ArtifactListeners();
    private final Consumer<ProjectId> projectChanged;
    private final Thread poller;
    private final BlockingQueue<ArtifactChange> outbox = new LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean running = true;
    private Instant lastPrune = Instant.EPOCH;

    /** @param projectChanged told of every change read from the table, whichever server made it */
    DatabaseArtifactEvents(Database database, Clock clock, Consumer<ProjectId> projectChanged) {
        this.database = database;
        this.clock = clock;
        this.projectChanged = projectChanged;
        // Changes published before this server started are not news to anyone subscribing now.
        this.cursor = new ChangeCursor(database.transaction(ChangeRows::latestSeq));
        this.poller = Thread.ofVirtual().name("artifact-change-poller").start(this::pollUntilClosed);
        this.flusher = Thread.ofVirtual().name("artifact-change-writer").start(this::flushUntilClosed);
    }

    @Override
    public void publish(ArtifactChange change) {
        publishAll(List.of(change));
    }

    @Override
    public void publishAll(List<ArtifactChange> changes) {
        for (ArtifactChange change : changes) {
            if (change.isDraft()) {
                listeners.deliver(change); // a preview: this server's clients see it, the change table never does
            } else {
                outbox.add(change);
            }
        }
    }

    @Override
    public Subscription subscribe(ProjectId projectId, Consumer<ArtifactChange> listener) {
        return listeners.add(projectId, listener);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            flusher.join(Duration.ofSeconds(5)); // it writes what is still in the outbox, then ends
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushUntilClosed() {
        while (running || !outbox.isEmpty()) {
            try {
                ArtifactChange first = outbox.poll(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<ArtifactChange> batch = new ArrayList<>();
                    batch.add(first);
                    outbox.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<ArtifactChange> batch) {
        try {
            Instant now = clock.instant();
            database.transaction(session -> {
                database.vendor().relaxDurability(session);
                ChangeRows.insertAll(session, batch, now);
                return batch.size();
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not publish " + batch.size()
                    + " artifact change(s); live clients miss them", e);
        }
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                pollOnce();
                pruneNowAndThen();
            } catch (DomainException e) {
                LOG.log(System.Logger.Level.WARNING, "polling artifact changes failed; retrying", e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure polling artifact changes; retrying", e);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void pollOnce() {
        Instant seenAt = clock.instant();
        List<ChangeRows.Row> rows = database.transaction(session -> ChangeRows.after(session, cursor.floor()));
        for (ChangeRows.Row row : rows) {
            if (cursor.firstSighting(row.seq(), seenAt)) {
                projectChanged.accept(row.change().projectId());
                listeners.deliver(row.change());
            }
        }
        cursor.settle(seenAt);
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            database.transaction(session -> ChangeRows.deleteBefore(session, now.minus(KEEP)));
        }
    }

    static ArtifactChange change(UUID project, UUID artifact, String type, String kind, String status, int version,
                                 Instant at) {
        return new ArtifactChange(new ProjectId(project), new ArtifactId(artifact), ArtifactType.valueOf(type),
                ArtifactChange.Kind.valueOf(kind), ArtifactStatus.valueOf(status), version, at);
    }
}
