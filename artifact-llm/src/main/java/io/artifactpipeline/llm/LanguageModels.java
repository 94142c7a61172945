package io.artifactpipeline.llm;

import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.llm.anthropic.AnthropicMessagesProvider;
import io.artifactpipeline.llm.offline.OfflineProvider;
import io.artifactpipeline.llm.openai.OpenAiChatProvider;

import java.util.Objects;

/** The entry point for the application: the language model that its settings name. */
public final class LanguageModels {
    private LanguageModels() {
    }

    /**
     * The configured adapter of the core's model port: offline drafts, Anthropic Messages, or an
     * OpenAI-compatible server. The settings were checked when they were built.
     */
    public static LanguageModel create(ModelSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return switch (settings.provider()) {
            case OFFLINE -> new OfflineProvider(settings.offlineLatency());
            case ANTHROPIC -> new AnthropicMessagesProvider(settings);
            case OPENAI -> new OpenAiChatProvider(settings);
        };
    }
}
