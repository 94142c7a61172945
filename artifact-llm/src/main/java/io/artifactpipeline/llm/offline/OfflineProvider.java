package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Shape;
import io.artifactpipeline.llm.prompt.Prompts;
import io.artifactpipeline.llm.stream.GuardedDrafts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded default model: no network, no key. Writes a schema-valid draft of any artifact for any tier
 * from the founder's idea, answers and the documents it depends on, and says in the text that no model
 * wrote it. Deterministic: the same request gives the same content (no randomness, no clock). Usage is an
 * estimate (four characters a token) of what the prompt and answer would have cost, so budgets still work.
 */
public final class OfflineProvider implements LanguageModel {
    private final Duration latency;

    /** @param latency simulated time per call, for demos and benchmarks; zero for none */
    public OfflineProvider(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("the offline latency cannot be negative");
        }
    }

    @Override
    public ModelReply write(ModelRequest request) {
        ModelReply reply = draft(request);
        pause(latency);
        return reply;
    }

    /**
     * As a streaming model does: each section is reported as a draft when it is "written", the sections spread
     * evenly over the simulated latency (all at once, before returning, when there is none), so a client can
     * be shown drafts appearing without a real model.
     */
    @Override
    public ModelReply write(ModelRequest request, SectionDrafts listener) {
        SectionDrafts drafts = new GuardedDrafts(listener);
        ModelReply reply = draft(request);
        List<String> sections = reply.content().properties().stream().map(Map.Entry::getKey).toList();
        long start = System.nanoTime();
        for (int i = 0; i < sections.size(); i++) {
            Duration due = latency.multipliedBy(i + 1).dividedBy(sections.size());
            pause(due.minusNanos(System.nanoTime() - start));
            drafts.completed(sections.get(i), reply.content().get(sections.get(i)).deepCopy());
        }
        pause(latency.minusNanos(System.nanoTime() - start));
        return reply;
    }

    private ModelReply draft(ModelRequest request) {
        DraftMaterial material = DraftMaterial.from(request);
        ObjectNode draft = OfflineDrafts.write(request.type(), material);
        ArtifactSchema schema = ArtifactSchemas.of(request.type());
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        for (String key : request.sections()) {
            JsonNode value = draft.get(key);
            if (value == null) {
                // Only sections of the type are asked for; one without a hand-written draft is filled by shape.
                value = schema.section(key).map(spec -> ShapeFiller.fill(spec, material)).orElse(null);
            }
            if (value != null) {
                content.set(key, withinTextLimit(value));
            }
        }
        long input = Prompts.forRequest(request).estimatedTokens();
        long output = (content.toString().length() + 3L) / 4;
        return new ModelReply(content, TokenUsage.of(input, output));
    }

    /**
     * The drafts quote the founder's idea and answers, which together may be far longer than one text of
     * content may be: each text is cut at the limit, ending in an ellipsis.
     */
    private static JsonNode withinTextLimit(JsonNode value) {
        if (value.isTextual() && value.asText().length() > Shape.MAX_TEXT_LENGTH) {
            return JsonNodeFactory.instance.textNode(value.asText().substring(0, Shape.MAX_TEXT_LENGTH - 1) + "…");
        }
        if (value.isContainerNode()) {
            if (value instanceof ObjectNode object) {
                object.properties().forEach(field -> field.setValue(withinTextLimit(field.getValue())));
            } else {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, withinTextLimit(array.get(i)));
                }
            }
        }
        return value;
    }

    private static void pause(Duration wait) {
        if (!wait.isPositive()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Reason.UNAVAILABLE, "the offline draft was interrupted");
        }
    }

    @Override
    public String toString() {
        return "OfflineProvider[latency=" + latency + "]";
    }
}
