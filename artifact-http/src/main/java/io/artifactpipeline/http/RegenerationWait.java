package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.usecase.GetArtifact;
import io.artifactpipeline.core.usecase.WatchProject;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Prefer: wait=N} on regenerate (RFC 7240): holds the request until the artifact's regeneration
 * ends or N seconds (at most 60) pass. It waits on the project's event feed, not by polling: the handler
 * runs on a virtual thread, which parks on the future without holding a platform thread.
 */
final class RegenerationWait {
    static final int MAX_SECONDS = 60;

    private final WatchProject watchProject;
    private final GetArtifact getArtifact;

    RegenerationWait(WatchProject watchProject, GetArtifact getArtifact) {
        this.watchProject = watchProject;
        this.getArtifact = getArtifact;
    }

    /**
     * The seconds a {@code Prefer} header asks to wait, capped at 60; empty without a well-formed
     * {@code wait} preference (anything else is ignored, as RFC 7240 asks of unknown or malformed preferences).
     */
    static OptionalInt requested(ServerRequest request) {
        String headers = String.join(",", request.headers().all(HeaderNames.create("Prefer"), List::of));
        for (String header : headers.split(",")) {
            String preference = header.strip().toLowerCase(Locale.ROOT);
            if (preference.matches("wait\\s*=\\s*\"?[0-9]{1,9}\"?")) {
                int seconds = Integer.parseInt(preference.replaceAll("[^0-9]", ""));
                return seconds == 0 ? OptionalInt.empty() : OptionalInt.of(Math.min(seconds, MAX_SECONDS));
            }
        }
        return OptionalInt.empty();
    }

    /** The artifact once it is no longer being generated, or empty if that takes longer than {@code wait}. */
    Optional<Artifact> awaitEnd(Actor actor, ArtifactId id, ProjectId projectId, Duration wait) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        try (ArtifactEvents.Subscription ignored = watchProject.watch(actor, projectId, change -> {
            if (change.artifactId().equals(id) && change.status() != ArtifactStatus.GENERATING) {
                ended.complete(null);
            }
        })) {
            // Subscribed first, then looked: a regeneration that ended in between is seen here, not missed.
            Artifact now = getArtifact.get(actor, id);
            if (!now.isGenerating()) {
                return Optional.of(now);
            }
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            Artifact after = getArtifact.get(actor, id);
            return after.isGenerating() ? Optional.empty() : Optional.of(after);
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
    }
}
