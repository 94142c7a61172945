package io.artifactpipeline.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable model for tests. By default it writes the {@link SampleContent} of the requested type,
 * cut to the tier, with the project's idea as the first sentence of the first text section, so that a
 * test can tell which project content came from. Per type, a script of behaviours can be queued:
 * fail, answer invalid content, answer with more sections than asked, or be slow. It records every
 * request it was given.
 */
public final class FakeLanguageModel implements LanguageModel {
    /** What the next call for a type does. */
    public sealed interface Behaviour {
        record Fail(ModelFailure.Reason reason) implements Behaviour {
        }

        record AnswerInvalid() implements Behaviour {
        }

        record AnswerAllTiers() implements Behaviour {
        }

        record Slow(Duration delay) implements Behaviour {
        }
    }

    public static final TokenUsage USAGE_PER_CALL = TokenUsage.of(1_000, 500);

    private final Map<ArtifactType, Deque<Behaviour>> scripts = new EnumMap<>(ArtifactType.class);
    private final List<ModelRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Queues behaviours for the next calls of a type; afterwards calls succeed again. */
    public synchronized FakeLanguageModel then(ArtifactType type, Behaviour... behaviours) {
        Deque<Behaviour> script = scripts.computeIfAbsent(type, t -> new ArrayDeque<>());
        script.addAll(List.of(behaviours));
        return this;
    }

    /** Every call takes at least this long. */
    public FakeLanguageModel latency(Duration perCall) {
        this.latency = perCall;
        return this;
    }

    /** Holds every call until {@link #release()}, to keep a generation running while a test looks at it. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    public int calls() {
        return calls.get();
    }

    public List<ModelRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<ModelRequest> requestsFor(ArtifactType type) {
        return requests().stream().filter(r -> r.type() == type).toList();
    }

    @Override
    public ModelReply write(ModelRequest request) {
        return write(request, SectionDrafts.ignored());
    }

    /** Reports every top-level section it is about to return as a draft, in order, as a streaming model does. */
    @Override
    public ModelReply write(ModelRequest request, SectionDrafts drafts) {
        requests.add(request);
        awaitGate();
        Behaviour behaviour = next(request.type());
        sleep(latency);
        ObjectNode content = SampleContent.forTier(request.type(), request.tier());
        stamp(content, request, calls.incrementAndGet());
        switch (behaviour) {
            case null -> {
            }
            case Behaviour.Fail fail -> throw new ModelFailure(fail.reason(), "the fake model was told to fail");
            case Behaviour.AnswerInvalid ignored -> {
                content = JsonNodeFactory.instance.objectNode();
                content.put("nonsense", true);
            }
            case Behaviour.AnswerAllTiers ignored -> content = SampleContent.full(request.type());
            case Behaviour.Slow slow -> sleep(slow.delay());
        }
        content.properties().forEach(section -> drafts.completed(section.getKey(), section.getValue()));
        return new ModelReply(content, USAGE_PER_CALL);
    }

    private synchronized Behaviour next(ArtifactType type) {
        Deque<Behaviour> script = scripts.get(type);
        return script == null ? null : script.pollFirst();
    }

    /** The idea and a draft number in the first text section: every call visibly writes something new. */
    private static void stamp(ObjectNode content, ModelRequest request, int draft) {
        var first = content.fieldNames().next();
        if (content.get(first).isTextual()) {
            content.put(first, request.project().idea() + " " + content.get(first).asText() + " (draft " + draft + ")");
        }
    }

    private void awaitGate() {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the model");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "interrupted");
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "interrupted");
        }
    }
}
