package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.prompt.Prompt;

/**
 * The body of {@code POST /v1/messages}. Structured output comes from a forced tool whose input schema is the
 * artifact's schema for the tier. The system prompt and the project context carry cache breakpoints: they
 * are the stable prefix of a generation's calls. Anthropic's cached prefix runs tools, then system, then
 * messages, so every call offers the same tools (one per artifact type, for the tier, in generation order)
 * and only {@code tool_choice} says which to use: the five calls of a generation then share the prefix. The
 * answer is streamed, so that a long one is not cut short by a timeout and its sections can be shown early.
 */
final class MessagesRequestBody {
    private MessagesRequestBody() {
    }

    static String toolName(ModelRequest request) {
        return toolName(request.type());
    }

    private static String toolName(ArtifactType type) {
        return "write_" + type.wireName();
    }

    /** Everything but {@code max_tokens}, which is fitted to the size of the rest. */
    static ObjectNode build(ModelRequest request, Prompt prompt, String model, double temperature) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("stream", true);
        body.put("temperature", temperature);
        ArrayNode system = body.putArray("system");
        cached(system.addObject().put("type", "text").put("text", prompt.system()));
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        cached(content.addObject().put("type", "text").put("text", prompt.projectContext()));
        content.addObject().put("type", "text").put("text", prompt.task());
        ArrayNode tools = body.putArray("tools");
        for (ArtifactType type : ArtifactType.inGenerationOrder()) {
            ObjectNode tool = tools.addObject();
            tool.put("name", toolName(type));
            tool.put("description", "Records the " + type.wireName() + " document of the founder's project. "
                    + "The input is the whole document: one key per requested section.");
            tool.set("input_schema", type == request.type()
                    ? request.schema().deepCopy()
                    : ArtifactSchemas.of(type).jsonSchema(request.tier()));
        }
        body.putObject("tool_choice").put("type", "tool").put("name", toolName(request));
        return body;
    }

    private static void cached(ObjectNode block) {
        block.putObject("cache_control").put("type", "ephemeral");
    }
}
