package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.usecase.TokenBudget;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets one artifact's content out of the model: checks the budget before each call, cuts the answer to
 * the tier, validates it, and when it is invalid asks once more with what was wrong. Stores nothing.
 */
public final class ArtifactWriter {
    private static final int MAX_REPORTED_VIOLATIONS = 10;

    private final LanguageModel model;
    private final TokenBudget budget;

    public ArtifactWriter(LanguageModel model, TokenBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    public sealed interface Outcome {
        record Written(ObjectNode content, int schemaVersion) implements Outcome {
        }

        record Failed(ArtifactError reason) implements Outcome {
        }
    }

    public Outcome write(Generation generation, Project project, Artifact artifact,
                         Map<ArtifactType, ObjectNode> dependencies) {
        ArtifactSchema schema = ArtifactSchemas.of(artifact.type());
        ModelRequest request = new ModelRequest(artifact.type(), generation.tier(), schema.jsonSchema(generation.tier()),
                schema.sectionKeysFor(generation.tier()), project, dependencies,
                artifact.hasContent() ? artifact.currentContent() : null, generation.instructions(), null);
        try {
            Attempt first = attempt(generation, schema, request);
            if (first.violations().isEmpty()) {
                return new Outcome.Written(first.content(), schema.version());
            }
            Attempt repaired = attempt(generation, schema, request.withRepair(first.content(), first.violations()));
            if (repaired.violations().isEmpty()) {
                return new Outcome.Written(repaired.content(), schema.version());
            }
            return new Outcome.Failed(new ArtifactError(ArtifactError.INVALID_OUTPUT,
                    "the model's output did not fit the schema twice: " + describe(repaired.violations())));
        } catch (OverBudget e) {
            return new Outcome.Failed(new ArtifactError(ArtifactError.BUDGET_EXHAUSTED,
                    "today's token budget would be exceeded; it renews at midnight UTC"));
        } catch (ModelFailure e) {
            return new Outcome.Failed(new ArtifactError(e.reason().code(), e.getMessage()));
        }
    }

    private Attempt attempt(Generation generation, ArtifactSchema schema, ModelRequest request) {
        if (!budget.affords(generation.owner(), generation.tier(), 1)) {
            throw new OverBudget();
        }
        ModelReply reply = model.write(request);
        budget.spend(generation.owner(), reply.usage());
        ObjectNode content = schema.filterToTier(reply.content(), generation.tier());
        return new Attempt(content, schema.validate(content, generation.tier()));
    }

    private static String describe(List<Violation> violations) {
        String listed = violations.stream().limit(MAX_REPORTED_VIOLATIONS).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_REPORTED_VIOLATIONS;
        return more > 0 ? listed + " (and " + more + " more)" : listed;
    }

    private record Attempt(ObjectNode content, List<Violation> violations) {
    }

    /** Control flow only: the budget cannot cover the next call. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }
}
