package io.artifactpipeline.http.observe;

import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;

import java.time.Duration;
import java.util.OptionalLong;

/** A model whose calls are timed and whose tokens are counted; behaviour unchanged. */
final class MeteredLanguageModel implements LanguageModel {
    private final LanguageModel model;
    private final String modelName;
    private final ServerMetrics metrics;

    MeteredLanguageModel(LanguageModel model, String modelName, ServerMetrics metrics) {
        this.model = model;
        this.modelName = modelName;
        this.metrics = metrics;
    }

    @Override
    public ModelReply write(ModelRequest request) {
        return write(request, SectionDrafts.ignored());
    }

    @Override
    public OptionalLong worstCaseTokens(ModelRequest request) {
        return model.worstCaseTokens(request);
    }

    @Override
    public ModelReply write(ModelRequest request, SectionDrafts drafts) {
        long start = System.nanoTime();
        try {
            ModelReply reply = model.write(request, drafts);
            metrics.modelCall(modelName, "ok", Duration.ofNanos(System.nanoTime() - start), reply.usage());
            return reply;
        } catch (ModelFailure failure) {
            metrics.modelCall(modelName, failure.reason().code().wireName(), Duration.ofNanos(System.nanoTime() - start),
                    TokenUsage.NONE);
            throw failure;
        } catch (RuntimeException unexpected) {
            metrics.modelCall(modelName, "error", Duration.ofNanos(System.nanoTime() - start), TokenUsage.NONE);
            throw unexpected;
        }
    }
}
