package io.artifactpipeline.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model that writes schema-valid content by hand, section by section, only the sections the tier asks
 * for. Every call writes a different draft number, so a regeneration visibly changes content. A closed
 * gate holds calls until the test opens it, to keep a generation running.
 */
public final class TestModel implements LanguageModel {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AtomicInteger calls = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public void close() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public ModelReply write(ModelRequest request) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the model's gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int draft = calls.incrementAndGet();
        ObjectNode content = NODES.objectNode();
        for (String section : request.sections()) {
            content.set(section, section(section, draft));
        }
        return new ModelReply(content, TokenUsage.of(100, 200));
    }

    private static JsonNode section(String key, int draft) {
        return switch (key) {
            case "differentiation_points", "out_of_scope", "success_metrics", "integration_points" ->
                    texts(key + " (draft " + draft + ")", "second " + key);
            case "core_features" -> NODES.arrayNode().add(NODES.objectNode().put("name", "Sign-up")
                    .put("description", "Founders create an account, draft " + draft).put("priority", "high"));
            case "milestones" -> NODES.arrayNode()
                    .add(milestone("Prototype", draft))
                    .add(milestone("Launch", draft));
            case "critical_path" -> texts("Prototype", "Launch");
            case "total_duration_weeks" -> NODES.numberNode(6);
            case "technical_risks", "market_risks", "execution_risks", "financial_risks", "strategic_risks" ->
                    NODES.arrayNode().add(NODES.objectNode().put("title", key + " risk")
                            .put("description", "What could go wrong, draft " + draft)
                            .put("severity", "medium").put("mitigation", "Watch it closely"));
            case "user_journey" -> NODES.arrayNode()
                    .add(step(1, "Describe the idea"))
                    .add(step(2, "Read the documents"));
            default -> NODES.textNode(key.replace('_', ' ') + ", draft " + draft);
        };
    }

    private static ArrayNode texts(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static ObjectNode milestone(String title, int draft) {
        ObjectNode milestone = NODES.objectNode().put("title", title)
                .put("description", title + " milestone, draft " + draft).put("estimated_weeks", 3);
        milestone.set("success_criteria", texts("It works"));
        return milestone;
    }

    private static ObjectNode step(int number, String title) {
        return NODES.objectNode().put("step_number", number).put("title", title).put("description", title + " step");
    }
}
