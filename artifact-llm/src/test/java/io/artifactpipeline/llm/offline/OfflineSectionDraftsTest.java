package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.TestRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The offline provider reports its sections as a streaming model would, so drafts can be seen without one. */
class OfflineSectionDraftsTest {
    private final ModelRequest request = TestRequests.request(ArtifactType.MVP_SCOPE, Tier.CTO_SCALE);

    @Test
    void withoutLatencyEverySectionIsReportedInOrderBeforeWriteReturns() {
        Map<String, JsonNode> drafts = new LinkedHashMap<>();

        ModelReply reply = new OfflineProvider(Duration.ZERO).write(request, drafts::put);

        assertThat(drafts.keySet()).containsExactlyElementsOf(request.sections());
        drafts.forEach((section, value) -> assertThat(value).isEqualTo(reply.content().get(section)));
        assertThat(reply).isEqualTo(new OfflineProvider(Duration.ZERO).write(request));
    }

    @Test
    void aListenerThatFailsCostsTheDraftsNotTheArtifact() {
        List<String> seen = new ArrayList<>();

        ModelReply reply = new OfflineProvider(Duration.ZERO).write(request, (section, value) -> {
            seen.add(section);
            throw new IllegalStateException("the event stream is gone");
        });

        assertThat(seen).hasSize(1);
        assertThat(reply.content().size()).isEqualTo(request.sections().size());
    }

    @Test
    void withLatencyTheSectionsAreSpreadOverIt() throws Exception {
        Map<String, JsonNode> drafts = new ConcurrentHashMap<>();
        OfflineProvider slow = new OfflineProvider(Duration.ofSeconds(3));
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            CompletableFuture<ModelReply> reply = CompletableFuture.supplyAsync(() -> slow.write(request, drafts::put), caller);

            await().atMost(Duration.ofSeconds(10)).until(() -> !drafts.isEmpty());
            // The first of several sections is due at a fraction of the latency: the call is still writing.
            assertThat(reply).isNotDone();

            assertThat(reply.get().content().size()).isEqualTo(drafts.size());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
        assertThat(request.sections().size()).isGreaterThan(3);
    }
}
