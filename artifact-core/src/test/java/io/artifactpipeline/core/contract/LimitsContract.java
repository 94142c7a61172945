package io.artifactpipeline.core.contract;

import io.artifactpipeline.core.error.TooManyActiveGenerationsException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.testing.SampleContent;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits every store enforces atomically, so that no interleaving of threads or servers passes
 * them: a user's active generations, and the day's token reservations against a budget.
 */
public abstract class LimitsContract {
    private final UserId alice = new UserId("alice-" + UUID.randomUUID());
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final LocalDate today = LocalDate.of(2026, 12, 1);
    protected ContractStores stores;

    /** Stores over an empty database. */
    protected abstract ContractStores openStores();

    @BeforeEach
    void open() {
        stores = openStores();
    }

    @Test
    void aUserCannotHaveMoreActiveGenerationsThanTheLimitUntilOneEnds() {
        enqueueIn(newProject(), 2);
        enqueueIn(newProject(), 2);

        assertThatThrownBy(() -> enqueueIn(newProject(), 2)).isInstanceOf(TooManyActiveGenerationsException.class);

        ClaimedGeneration claim = claim("w1");
        stores.writes().finish(claim.lease(), now);
        assertThat(enqueueIn(newProject(), 2)).isNotNull();
        assertThat(enqueueIn(newProject(), 3)).as("the limit is the caller's, not stored").isNotNull();
    }

    @Test
    void concurrentStartsNeverPassTheLimit() throws Exception {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            projects.add(newProject());
        }
        AtomicInteger queued = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> starts = new ArrayList<>();
            for (Project project : projects) {
                starts.add(threads.submit(() -> {
                    try {
                        enqueueIn(project, 3);
                        queued.incrementAndGet();
                    } catch (TooManyActiveGenerationsException expected) {
                        // over the limit
                    }
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        }
        assertThat(queued.get()).isEqualTo(3);
    }

    @Test
    void aReservationFitsTheLimitOrIsRefusedAndSettlingReplacesItByTheCost() {
        assertThat(stores.usage().reserve(alice, today, 600, 1_000)).isTrue();
        assertThat(stores.usage().reserve(alice, today, 500, 1_000)).isFalse();
        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(600);

        stores.usage().settle(alice, today, 600, TokenUsage.of(100, 50));
        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(150);
        assertThat(stores.usage().reserve(alice, today, 850, 1_000)).isTrue();
        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(1_000);
        assertThat(stores.usage().tokensUsed(alice, today.plusDays(1))).isZero();
    }

    @Test
    void concurrentReservationsNeverPassTheLimit() throws Exception {
        AtomicInteger granted = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(threads.submit(() -> {
                    if (stores.usage().reserve(alice, today, 100, 1_050)) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertThat(granted.get()).isEqualTo(10);
        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(1_000);
    }

    @Test
    void aWorkersWriteSettlesTheCallsItStoresTheOutcomeOf() {
        Artifact brief = queuedBriefAfterReserving600();
        ClaimedGeneration claim = claim("w1");

        Artifact written = brief.withGeneratedContent(SampleContent.full(ArtifactType.BRIEF), 1, now);
        stores.writes().recordWritten(claim.lease(), written, written.generatedRevision(), billed150Of600(), now);

        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(150);
    }

    @Test
    void aWriteRefusedForALostLeaseStillSettlesItsCallsBecauseTheyWereBilled() {
        Artifact brief = queuedBriefAfterReserving600();
        ClaimedGeneration lost = claim("w1");
        stores.writes().release(lost.lease());
        claim("w2");

        assertThatThrownBy(() -> stores.writes().recordFailed(lost.lease(),
                brief.failed(new ArtifactError(ErrorCode.INTERNAL, "x"), now), billed150Of600(), now))
                .isInstanceOf(LeaseLostException.class);

        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(150);
        assertThat(stores.artifacts().findArtifact(alice, brief.id()).orElseThrow().status())
                .isEqualTo(brief.status());
    }

    /** The store's copy of a brief just queued for generation, as a worker reads it. */
    private Artifact queuedBriefAfterReserving600() {
        assertThat(stores.usage().reserve(alice, today, 600, 1_000)).isTrue();
        Generation generation = enqueueIn(newProject(), 2);
        return stores.artifacts().findArtifact(alice, generation.items().getFirst().artifactId()).orElseThrow();
    }

    private ClaimedGeneration claim(String worker) {
        return stores.queue().claimNext(worker, now, Duration.ofSeconds(30)).orElseThrow();
    }

    /** A call that reserved 600 tokens and cost 150. */
    private List<UsageSettlement> billed150Of600() {
        return List.of(new UsageSettlement(alice, today, 600, TokenUsage.of(100, 50)));
    }

    private Project newProject() {
        return stores.projects().create(new Project(new ProjectId(UUID.randomUUID()), alice, "Bakery",
                "Forecast bread demand", Map.of(), now));
    }

    private Generation enqueueIn(Project project, int maxActive) {
        Artifact brief = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(),
                ArtifactType.BRIEF, 1, now);
        Generation generation = Generation.queued(new GenerationId(UUID.randomUUID()), project.id(),
                new Actor(alice, Tier.BOOTSTRAPPER), Optional.empty(),
                List.of(GenerationItem.pending(ArtifactType.BRIEF, brief.id())), now);
        return stores.queue().enqueue(generation, List.of(brief), maxActive);
    }
}
