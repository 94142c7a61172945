package io.artifactpipeline.llm;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.llm.ModelSettings.Provider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSettingsTest {
    private static final String KEY = "sk-ant-secret-0123456789";

    @Test
    void defaultsAreTheEmbeddedOfflineProviderWithTheDocumentedValues() {
        ModelSettings settings = ModelSettings.offline();

        assertThat(settings.provider()).isEqualTo(Provider.OFFLINE);
        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.contextTokens()).isEmpty();
        assertThat(settings.temperature()).isEqualTo(0.7);
        assertThat(settings.maxConcurrency()).isEqualTo(16);
        assertThat(settings.offlineLatency()).isEqualTo(Duration.ZERO);
        assertThat(settings.maxOutputTokens()).isEqualTo(8192);
    }

    @Test
    void networkProvidersDefaultToTheirPublicUrlAndModel() {
        ModelSettings anthropic = ModelSettings.builder().provider("anthropic").apiKey(KEY).build();
        ModelSettings openai = ModelSettings.builder().provider("OpenAI").apiKey("sk-x").build();

        assertThat(anthropic.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(anthropic.defaultModel()).isEqualTo(Provider.ANTHROPIC.defaultModel());
        assertThat(openai.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(openai.defaultModel()).isEqualTo(Provider.OPENAI.defaultModel());
    }

    @Test
    void aTierOverrideWinsOverTheDefaultModel() {
        ModelSettings settings = ModelSettings.builder().provider(Provider.OPENAI)
                .baseUrl("http://127.0.0.1:11434/v1").defaultModel("llama3.2").model(Tier.CTO_SCALE, "qwen2.5:32b")
                .model(Tier.PARTNER, "  ").build();

        assertThat(settings.modelFor(Tier.BOOTSTRAPPER)).isEqualTo("llama3.2");
        assertThat(settings.modelFor(Tier.PARTNER)).isEqualTo("llama3.2");
        assertThat(settings.modelFor(Tier.CTO_SCALE)).isEqualTo("qwen2.5:32b");
    }

    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKey() {
        ModelSettings settings = ModelSettings.builder().provider("openai").baseUrl("http://127.0.0.1:8000/v1").build();

        assertThat(settings.hasApiKey()).isFalse();
    }

    @Test
    void anthropicWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> ModelSettings.builder().provider("anthropic").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anthropic provider needs an API key");
    }

    @Test
    void openAiItselfWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> ModelSettings.builder().provider("openai").apiKey("  ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api.openai.com needs an API key");
    }

    @Test
    void anUnknownProviderNamesTheKnownOnes() {
        assertThatThrownBy(() -> ModelSettings.builder().provider("gemini"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offline, anthropic, openai");
    }

    @Test
    void invalidNumbersAndUrlsAreRefused() {
        assertThatThrownBy(() -> ModelSettings.builder().timeout(Duration.ZERO).build())
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> ModelSettings.builder().idleTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("idle timeout must be positive");
        assertThatThrownBy(() -> ModelSettings.builder().contextTokens(0).build())
                .hasMessageContaining("context window must be at least 1 token");
        assertThatThrownBy(() -> ModelSettings.builder().temperature(2.5).build())
                .hasMessageContaining("temperature must be between 0 and 2");
        assertThatThrownBy(() -> ModelSettings.builder().temperature(Double.NaN).build())
                .hasMessageContaining("temperature must be between 0 and 2");
        assertThatThrownBy(() -> ModelSettings.builder().provider("anthropic").apiKey(KEY).temperature(1.2).build())
                .hasMessageContaining("anthropic provider takes a temperature between 0 and 1");
        assertThatThrownBy(() -> ModelSettings.builder().maxConcurrency(0).build())
                .hasMessageContaining("concurrency must be at least 1");
        assertThatThrownBy(() -> ModelSettings.builder().offlineLatency(Duration.ofMillis(-1)).build())
                .hasMessageContaining("latency cannot be negative");
        assertThatThrownBy(() -> ModelSettings.builder().provider("openai").baseUrl("ftp://models.local/v1").build())
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> ModelSettings.builder().provider("openai").baseUrl("http://bad url/").build())
                .hasMessageContaining("not a valid URL");
    }

    @Test
    void theKeyNeverAppearsInToStringOrInRefusals() {
        ModelSettings settings = ModelSettings.builder().provider("anthropic").apiKey(KEY).build();
        String keyWithNewline = "sk-line\nbreak-secret";

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=(redacted)");
        assertThatThrownBy(() -> ModelSettings.builder().provider("anthropic").apiKey(keyWithNewline).build())
                .hasMessageContaining("whitespace, control or non-ASCII characters")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ModelSettings.builder().provider("openai").apiKey(KEY)
                .baseUrl("https://user:" + KEY + "@example.com/v1").build())
                .hasMessageNotContaining(KEY);
    }
}
