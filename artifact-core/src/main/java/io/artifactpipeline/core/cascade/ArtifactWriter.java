package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gets one artifact's content out of the model: checks the budget before each call, cuts the answer to
 * the tier, validates it, and when it is invalid asks once more with what was wrong. Stores nothing.
 * When the store's writes settle usage in the budget's ledger, the last call is left for the write that
 * stores its outcome to settle (one transaction fewer per artifact); every other call is settled here.
 */
final class ArtifactWriter {
    private static final int MAX_REPORTED_VIOLATIONS = 10;

    private final LanguageModel model;
    private final TokenBudget budget;
    private final boolean writesSettle;

    /** @param writesSettle whether the store's writes settle calls in the budget's ledger */
    ArtifactWriter(LanguageModel model, TokenBudget budget, boolean writesSettle) {
        this.model = model;
        this.budget = budget;
        this.writesSettle = writesSettle;
    }

    /** What came of the artifact, and the calls the write that stores it is to settle. */
    sealed interface Outcome {
        List<UsageSettlement> unsettled();

        record Written(ObjectNode content, int schemaVersion, List<UsageSettlement> unsettled) implements Outcome {
        }

        record Failed(ArtifactError reason, List<UsageSettlement> unsettled) implements Outcome {
            Failed(ArtifactError reason) {
                this(reason, List.of());
            }
        }
    }

    /** One call's result: the budget could not cover it, or the model answered (validly or not). */
    private sealed interface Attempt {
        record OverBudget() implements Attempt {
        }

        record Answered(ObjectNode content, List<Violation> violations, List<UsageSettlement> unsettled)
                implements Attempt {
            boolean valid() {
                return violations.isEmpty();
            }
        }
    }

    Outcome write(Generation generation, Project project, Artifact artifact, Map<ArtifactType, ObjectNode> dependencies,
                  SectionDrafts drafts) {
        ArtifactSchema schema = ArtifactSchemas.of(artifact.type());
        ModelRequest request = requestFor(generation, project, artifact, dependencies, schema);
        try {
            return switch (attempt(generation, schema, request, drafts)) {
                case Attempt.OverBudget overBudget -> overBudget();
                case Attempt.Answered first when first.valid() ->
                        new Outcome.Written(first.content(), schema.version(), first.unsettled());
                case Attempt.Answered first -> repair(generation, schema, request, drafts, first);
            };
        } catch (ModelFailure e) {
            return new Outcome.Failed(new ArtifactError(e.reason().code(), e.getMessage()));
        }
    }

    private Outcome repair(Generation generation, ArtifactSchema schema, ModelRequest request, SectionDrafts drafts,
                           Attempt.Answered first) {
        budget.settle(first.unsettled()); // before the next reservation, as if the calls were alone
        return switch (attempt(generation, schema, request.withRepair(first.content(), first.violations()), drafts)) {
            case Attempt.OverBudget overBudget -> overBudget();
            case Attempt.Answered repaired when repaired.valid() ->
                    new Outcome.Written(repaired.content(), schema.version(), repaired.unsettled());
            case Attempt.Answered repaired -> new Outcome.Failed(new ArtifactError(ErrorCode.INVALID_OUTPUT,
                    "the model's output did not fit the schema twice: " + describe(repaired.violations())),
                    repaired.unsettled());
        };
    }

    /** Settles calls an outcome carried that will not reach a write after all. */
    void settleNow(Outcome outcome) {
        budget.settle(outcome.unsettled());
    }

    private static ModelRequest requestFor(Generation generation, Project project, Artifact artifact,
                                           Map<ArtifactType, ObjectNode> dependencies, ArtifactSchema schema) {
        ModelRequest request = ModelRequest.firstDraft(artifact.type(), generation.tier(),
                        schema.jsonSchema(generation.tier()), schema.sectionKeysFor(generation.tier()), project, dependencies)
                .withInstructions(generation.instructions());
        return artifact.hasContent() ? request.withPreviousContent(artifact.currentContent()) : request;
    }

    private Attempt attempt(Generation generation, ArtifactSchema schema, ModelRequest request, SectionDrafts drafts) {
        Optional<TokenBudget.Reservation> reservation = budget.reserve(generation.owner(), generation.tier(),
                model.worstCaseTokens(request));
        if (reservation.isEmpty()) {
            return new Attempt.OverBudget();
        }
        TokenUsage cost = TokenUsage.NONE;
        boolean handedOn = false;
        try {
            ModelReply reply = model.write(request, withinTier(drafts, request.sections()));
            cost = reply.usage();
            ObjectNode content = schema.filterToTier(reply.content(), generation.tier());
            List<Violation> violations = schema.validate(content, generation.tier());
            handedOn = writesSettle;
            return new Attempt.Answered(content, violations,
                    handedOn ? List.of(budget.settlement(reservation.get(), cost)) : List.of());
        } catch (ModelFailure failure) {
            cost = failure.billed();
            throw failure;
        } finally {
            if (!handedOn) {
                budget.settle(reservation.get(), cost);
            }
        }
    }

    /** Drafts of the sections the tier keeps; a model that writes more does not get to show it. */
    private static SectionDrafts withinTier(SectionDrafts drafts, List<String> tierSections) {
        return (section, value) -> {
            if (tierSections.contains(section)) {
                drafts.completed(section, value);
            }
        };
    }

    private static Outcome overBudget() {
        return new Outcome.Failed(new ArtifactError(ErrorCode.BUDGET_EXHAUSTED,
                "today's token budget would be exceeded; it renews at midnight UTC"));
    }

    private static String describe(List<Violation> violations) {
        String listed = violations.stream().limit(MAX_REPORTED_VIOLATIONS).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_REPORTED_VIOLATIONS;
        return more > 0 ? listed + " (and " + more + " more)" : listed;
    }
}
