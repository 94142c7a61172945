package io.artifactpipeline.llm;

import io.artifactpipeline.core.model.Tier;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * @param timeout         per model call (each attempt), and the connect timeout; default 120 s
 * @param maxConcurrency  model calls in flight at once against this server; default 16
 * @param offlineLatency  offline provider only: simulated time per call; default 0
 * @param maxOutputTokens upper bound on tokens the model may write per call; default 8192
 */
public record ModelSettings(Provider provider, URI baseUrl, String apiKey, String defaultModel,
                            Map<Tier, String> modelPerTier, Duration timeout, int maxConcurrency,
                            Duration offlineLatency, int maxOutputTokens) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_CONCURRENCY = 16;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;

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
        offlineLatency = offlineLatency == null ? Duration.ZERO : offlineLatency;
        check(provider, baseUrl, apiKey, timeout, maxConcurrency, offlineLatency, maxOutputTokens);
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

    /** Like the record's, but the key is never shown. */
    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider.configName() + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "(none)" : "(redacted)") + ", defaultModel=" + defaultModel
                + ", modelPerTier=" + modelPerTier + ", timeout=" + timeout + ", maxConcurrency=" + maxConcurrency
                + ", offlineLatency=" + offlineLatency + ", maxOutputTokens=" + maxOutputTokens + "]";
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

    private static void check(Provider provider, URI baseUrl, String apiKey, Duration timeout, int maxConcurrency,
                              Duration offlineLatency, int maxOutputTokens) {
        require(!timeout.isNegative() && !timeout.isZero(), "the model call timeout must be positive");
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
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Duration offlineLatency;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;

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

        public Builder maxConcurrency(int maxConcurrency) { this.maxConcurrency = maxConcurrency; return this; }

        public Builder offlineLatency(Duration latency) { this.offlineLatency = latency; return this; }

        public Builder maxOutputTokens(int maxOutputTokens) { this.maxOutputTokens = maxOutputTokens; return this; }

        public ModelSettings build() {
            return new ModelSettings(provider, baseUrl, apiKey, defaultModel, modelPerTier, timeout, maxConcurrency,
                    offlineLatency, maxOutputTokens);
        }
    }
}
