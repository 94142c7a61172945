package io.artifactpipeline.llm;

import io.artifactpipeline.llm.anthropic.AnthropicMessagesProvider;
import io.artifactpipeline.llm.offline.OfflineProvider;
import io.artifactpipeline.llm.openai.OpenAiChatProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageModelsTest {
    @Test
    void theSettingsChooseTheAdapter() {
        assertThat(LanguageModels.create(ModelSettings.offline())).isInstanceOf(OfflineProvider.class);
        assertThat(LanguageModels.create(ModelSettings.builder().provider("anthropic").apiKey("k").build()))
                .isInstanceOf(AnthropicMessagesProvider.class);
        assertThat(LanguageModels.create(ModelSettings.builder().provider("openai")
                .baseUrl("http://127.0.0.1:11434/v1").build()))
                .isInstanceOf(OpenAiChatProvider.class)
                .hasToString("OpenAiChatProvider[http://127.0.0.1:11434/v1/chat/completions]");
    }
}
