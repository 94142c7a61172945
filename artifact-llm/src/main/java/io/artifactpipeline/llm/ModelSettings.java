package io.artifactpipeline.llm;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.llm.http.CallTimeouts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Which model provider writes artifacts, and how to reach it (CONFIG.md, {@code ARTIFACT_LLM_*}). Built by
 * the application from its configuration; {@link LanguageModels#create} turns it into a language model.
 * Null arguments mean "the default"; invalid combinations are refused with an {@link IllegalArgumentException}
 * whose message never contains the key. {@link #toString()} redacts the key.
 *
 * @param provider        which adapter; default {@link Provider#OFFLINE}
 * @param baseUrl         the provider's API root; default its public URL (none for offline)
 * @param apiKey          the provider key, or null (required for Anthropic and for api.openai.com)
 * @param defaultModel    model for every tier without an override; default the provider's default
 * @param modelPerTier    per-tier overrides of the model
 * @param timeout         ceiling of one whole model call, retries and their waits included; default 600 s
 * @param idleTimeout     longest silence inside a streamed answer, and before its first byte; default 60 s
 * @param maxConcurrency  model calls in flight at once against this server; default 16
 * @param offlineLatency  offline provider only: simulated time per call; default 0
 * @param maxOutputTokens upper bound on tokens the model may write per call; default 8192
 * @param contextTokens   the model's context window, when known: the output limit is fitted under it with the
 *                        prompt; empty = the provider's own limit applies
 * @param temperature     sampling temperature sent to the provider, 0 to 2 (0 to 1 for Anthropic); default 0.7
 */
public record ModelSettings(Provider provider, URI baseUrl, String apiKey, String defaultModel,
                            Map<Tier, String> modelPerTier, Duration timeout, Duration idleTimeout, int maxConcurrency,
                            Duration offlineLatency, int maxOutputTokens, OptionalInt contextTokens,
                            double temperature) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONCURRENCY = 16;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;
    /** Focused but not rigid; also what Ollama would otherwise replace with 1.0 on its OpenAI endpoint. */
    public static final double DEFAULT_TEMPERATURE = 0.7;

    /** The adapters this module provides, by their configuration name. */
    public enum Provider {
        OFFLINE("offline", null, "offline-draft"),
        ANTHROPIC("anthropic", "https://api.anthropic.com", "claude-sonnet-4-5"),
        OPENAI("openai", "https://api.openai.com/v1", "gpt-4o-mini");

        private final String configName;
        private final String publicUrl;
        private final String defaultModel;

        Provider(String configName, String publicUrl, String defaultModel) {
            this.configName = configName;
            this.publicUrl = publicUrl;
            this.defaultModel = defaultModel;
        }

        public String configName() {
            return configName;
        }

        public String defaultModel() {
            return defaultModel;
        }

        /** The provider's public API root, or null for the offline provider. */
        public URI publicUrl() {
            return publicUrl == null ? null : URI.create(publicUrl);
        }

        /** The provider named in configuration ({@code offline}, {@code anthropic}, {@code openai}), any case. */
        public static Provider fromConfigName(String name) {
            String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(p -> p.configName.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown model provider '" + name + "'; use one of "
                            + Arrays.stream(values()).map(Provider::configName).collect(Collectors.joining(", "))));
        }
    }

    public ModelSettings {
        provider = provider == null ? Provider.OFFLINE : provider;
        baseUrl = baseUrl == null ? provider.publicUrl() : baseUrl;
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        defaultModel = defaultModel == null || defaultModel.isBlank() ? provider.defaultModel() : defaultModel.strip();
        modelPerTier = overrides(modelPerTier);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        offlineLatency = offlineLatency == null ? Duration.ZERO : offlineLatency;
        contextTokens = contextTokens == null ? OptionalInt.empty() : contextTokens;
        check(provider, baseUrl, apiKey, timeout, idleTimeout, maxConcurrency, offlineLatency, maxOutputTokens);
        checkModelLimits(provider, contextTokens, temperature);
    }

    /** The embedded default: offline drafts, no network, no key. */
    public static ModelSettings offline() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The model that writes for callers of this tier. */
    public String modelFor(Tier tier) {
        return modelPerTier.getOrDefault(tier, defaultModel);
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** The two limits of a streamed call, for the transport. */
    public CallTimeouts callTimeouts() {
        return new CallTimeouts(idleTimeout, timeout);
    }

    /** Like the record's, but the key is never shown. */
    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider.configName() + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "(none)" : "(redacted)") + ", defaultModel=" + defaultModel
                + ", modelPerTier=" + modelPerTier + ", timeout=" + timeout + ", idleTimeout=" + idleTimeout
                + ", maxConcurrency=" + maxConcurrency + ", offlineLatency=" + offlineLatency
                + ", maxOutputTokens=" + maxOutputTokens + ", contextTokens=" + contextTokens
                + ", temperature=" + temperature + "]";
    }

    private static Map<Tier, String> overrides(Map<Tier, String> given) {
        Map<Tier, String> kept = new EnumMap<>(Tier.class);
        if (given != null) {
            given.forEach((tier, model) -> {
                if (tier != null && model != null && !model.isBlank()) {
                    kept.put(tier, model.strip());
                }
            });
        }
        return Collections.unmodifiableMap(kept);
    }

    private static void check(Provider provider, URI baseUrl, String apiKey, Duration timeout, Duration idleTimeout,
                              int maxConcurrency, Duration offlineLatency, int maxOutputTokens) {
        require(timeout.isPositive(), "the model call timeout must be positive");
        require(idleTimeout.isPositive(), "the model call idle timeout must be positive");
        require(maxConcurrency >= 1, "the model call concurrency must be at least 1");
        require(!offlineLatency.isNegative(), "the offline latency cannot be negative");
        require(maxOutputTokens >= 1, "the maximum output tokens must be at least 1");
        // The key goes into an HTTP header: printable ASCII only. Say what is wrong without echoing it.
        require(apiKey == null || apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                "the API key contains whitespace, control or non-ASCII characters");
        if (provider == Provider.OFFLINE) {
            return;
        }
        require(baseUrl.isAbsolute() && baseUrl.getHost() != null
                        && ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())),
                "the " + provider.configName() + " base URL must be an absolute http(s) URL with a host");
        require(baseUrl.getRawUserInfo() == null, "the base URL must not carry credentials; give the key separately");
        if (provider == Provider.ANTHROPIC) {
            require(apiKey != null, "the anthropic provider needs an API key (ARTIFACT_LLM_API_KEY)");
        }
        if (provider == Provider.OPENAI && "api.openai.com".equalsIgnoreCase(baseUrl.getHost())) {
            require(apiKey != null, "api.openai.com needs an API key (ARTIFACT_LLM_API_KEY); "
                    + "only local OpenAI-compatible servers work without one");
        }
    }

    private static void checkModelLimits(Provider provider, OptionalInt contextTokens, double temperature) {
        require(contextTokens.isEmpty() || contextTokens.getAsInt() >= 1, "the context window must be at least 1 token");
        require(temperature >= 0 && temperature <= 2, "the temperature must be between 0 and 2");
        // Anthropic's Messages API refuses anything above 1 with a 400 on every call: say so at start-up.
        require(provider != Provider.ANTHROPIC || temperature <= 1, "the anthropic provider takes a temperature between 0 and 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Collects settings one by one; anything not set is the default. */
    public static final class Builder {
        private Provider provider;
        private URI baseUrl;
        private String apiKey;
        private String defaultModel;
        private final Map<Tier, String> modelPerTier = new EnumMap<>(Tier.class);
        private Duration timeout;
        private Duration idleTimeout;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Duration offlineLatency;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
        private OptionalInt contextTokens = OptionalInt.empty();
        private double temperature = DEFAULT_TEMPERATURE;

        private Builder() {
        }

        public Builder provider(Provider provider) { this.provider = provider; return this; }

        /** By configuration name: {@code offline}, {@code anthropic} or {@code openai}. */
        public Builder provider(String name) { return provider(Provider.fromConfigName(name)); }

        public Builder baseUrl(URI baseUrl) { this.baseUrl = baseUrl; return this; }

        public Builder baseUrl(String baseUrl) {
            if (baseUrl == null || baseUrl.isBlank()) {
                this.baseUrl = null;
                return this;
            }
            try {
                this.baseUrl = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                // The reason, not the exception: its message repeats the URL, which may carry credentials.
                throw new IllegalArgumentException("the model base URL is not a valid URL: " + e.getReason());
            }
            return this;
        }

        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }

        public Builder defaultModel(String model) { this.defaultModel = model; return this; }

        public Builder model(Tier tier, String model) {
            Objects.requireNonNull(tier, "tier");
            if (model == null) {
                modelPerTier.remove(tier);
            } else {
                modelPerTier.put(tier, model);
            }
            return this;
        }

        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        public Builder idleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; return this; }

        /** The model's context window in tokens. */
        public Builder contextTokens(int tokens) { this.contextTokens = OptionalInt.of(tokens); return this; }

        public Builder temperature(double temperature) { this.temperature = temperature; return this; }

        public Builder maxConcurrency(int maxConcurrency) { this.maxConcurrency = maxConcurrency; return this; }

        public Builder offlineLatency(Duration latency) { this.offlineLatency = latency; return this; }

        public Builder maxOutputTokens(int maxOutputTokens) { this.maxOutputTokens = maxOutputTokens; return this; }

        public ModelSettings build() {
            return new ModelSettings(provider, baseUrl, apiKey, defaultModel, modelPerTier, timeout, idleTimeout,
                    maxConcurrency, offlineLatency, maxOutputTokens, contextTokens, temperature);
        }
    }
}
