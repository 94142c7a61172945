package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What both network providers do with what a model wrote. Policy: text that is not a JSON object at all is
 * {@code MALFORMED_OUTPUT} (there is nothing to repair, and showing the model its own garbage rarely helps);
 * an object that breaks the schema is returned as it is, after logging, so that the core's single repair
 * call (which shows the model its answer and the violations) can fix it. Strict modes promise valid output;
 * this check does not take the promise on trust.
 */
public final class ReplyCheck {
    private static final System.Logger LOG = System.getLogger(ReplyCheck.class.getName());

    private ReplyCheck() {
    }

    /**
     * The JSON object in a model's text. Local models sometimes wrap it in a Markdown fence or a sentence
     * despite being told not to, so the outermost braces are tried when the whole text does not parse.
     */
    public static ObjectNode objectInText(String text, String provider) {
        if (Json.parseOrNull(text) instanceof ObjectNode object) {
            return object;
        }
        if (text != null) {
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            if (start >= 0 && end > start && Json.parseOrNull(text.substring(start, end + 1)) instanceof ObjectNode inner) {
                return inner;
            }
        }
        throw new ModelFailure(ModelFailure.Reason.MALFORMED_OUTPUT,
                "the " + provider + " model did not answer with a JSON object");
    }

    /** Validates the content for the request's type and tier, logs what is wrong, and returns the violations. */
    public static List<Violation> validate(ModelRequest request, ObjectNode content, String provider) {
        ArtifactSchema schema = ArtifactSchemas.of(request.type());
        List<Violation> violations = schema.validate(schema.filterToTier(content, request.tier()), request.tier());
        if (!violations.isEmpty()) {
            // Paths only: the messages can quote what the model wrote.
            String where = violations.stream().limit(5).map(Violation::path).collect(Collectors.joining(", "));
            LOG.log(System.Logger.Level.WARNING, "the {0} model wrote {1} that does not fit the schema ({2} violation(s) at {3}){4}",
                    provider, request.type().wireName(), String.valueOf(violations.size()), where,
                    request.repair().isEmpty() ? "; the core will ask once more" : "");
        }
        return violations;
    }
}
