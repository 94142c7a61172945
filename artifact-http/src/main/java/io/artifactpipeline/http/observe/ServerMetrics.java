package io.artifactpipeline.http.observe;

import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The application's meters, published at {@code /observe/metrics} in Prometheus text: HTTP requests by
 * route and status, generations by outcome, model calls by model and outcome, and tokens used. The app
 * records generations as its workers finish them and wraps its model with {@link #metered}.
 */
public final class ServerMetrics {
    private final MeterRegistry registry;

    private ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters in Helidon's global registry, next to the JVM meters Helidon publishes there. */
    public static ServerMetrics create() {
        return new ServerMetrics(Metrics.globalRegistry());
    }

    public static ServerMetrics create(MeterRegistry registry) {
        return new ServerMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /** The underlying registry, for meters of the app's own. */
    public MeterRegistry registry() {
        return registry;
    }

    /** One finished HTTP request; {@code route} is the matched route template, never the raw path. */
    public void httpRequest(String method, String route, int status, Duration took) {
        timer("http.server.requests", "HTTP requests served, by method, route template and status",
                List.of(Tag.create("method", method), Tag.create("route", route),
                        Tag.create("status", String.valueOf(status)))).record(took);
    }

    /** A generation reached its final state: counts it, its duration, and its artifacts by outcome. */
    public void generationFinished(Generation generation) {
        String state = generation.state().wireName();
        if (generation.startedAt() != null && generation.finishedAt() != null) {
            timer("artifact.generations", "Generations run, by final state",
                    List.of(Tag.create("state", state)))
                    .record(Duration.between(generation.startedAt(), generation.finishedAt()));
        } else {
            counter("artifact.generations.unstarted", "Generations that finished without starting",
                    List.of(Tag.create("state", state))).increment();
        }
        for (GenerationItem item : generation.items()) {
            counter("artifact.artifacts.written", "Artifacts a generation wrote, by type and outcome",
                    List.of(Tag.create("type", item.type().wireName()),
                            Tag.create("outcome", item.status().name().toLowerCase(Locale.ROOT))))
                    .increment();
        }
    }

    /** One model call: its duration by model and outcome, and the tokens it used by kind. */
    public void modelCall(String model, String outcome, Duration took, TokenUsage usage) {
        timer("artifact.model.calls", "Model calls, by model and outcome",
                List.of(Tag.create("model", model), Tag.create("outcome", outcome))).record(took);
        tokens(model, "input", usage.inputTokens());
        tokens(model, "output", usage.outputTokens());
        tokens(model, "cache_read", usage.cacheReadTokens());
        tokens(model, "cache_write", usage.cacheWriteTokens());
    }

    /** The model, with every call it makes recorded under {@code modelName}. */
    public LanguageModel metered(LanguageModel model, String modelName) {
        return new MeteredLanguageModel(model, modelName, this);
    }

    private void tokens(String model, String kind, long count) {
        if (count > 0) {
            counter("artifact.model.tokens", "Tokens used by model calls, by model and kind",
                    List.of(Tag.create("model", model), Tag.create("kind", kind))).increment(count);
        }
    }

    private Timer timer(String name, String description, List<Tag> tags) {
        return registry.getOrCreate(Timer.builder(name).description(description).tags(tags));
    }

    private Counter counter(String name, String description, List<Tag> tags) {
        return registry.getOrCreate(Counter.builder(name).description(description).tags(tags));
    }
}
