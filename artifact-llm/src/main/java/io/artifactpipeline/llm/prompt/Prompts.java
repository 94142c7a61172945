package io.artifactpipeline.llm.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.schema.Violation;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the prompt for one model request from the text resources under
 * {@code io/artifactpipeline/llm/prompts/}: one system prompt, one template per artifact type, and the shared
 * pieces (project context, dependencies, rewrite, repair). Only the sections of the caller's tier are asked for.
 */
public final class Prompts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Template SYSTEM = Template.load("system.txt");
    private static final Template PROJECT = Template.load("project-context.txt");
    private static final Template DEPENDENCIES = Template.load("dependencies.txt");
    private static final Template DEPENDENCY = Template.load("dependency.txt");
    private static final Template REGENERATION = Template.load("regeneration.txt");
    private static final Template REPAIR = Template.load("repair.txt");
    private static final Map<ArtifactType, Template> TASKS = new EnumMap<>(ArtifactType.class);

    static {
        for (ArtifactType type : ArtifactType.values()) {
            TASKS.put(type, Template.load("types/" + type.wireName() + ".txt"));
        }
    }

    private Prompts() {
    }

    public static Prompt forRequest(ModelRequest request) {
        return new Prompt(SYSTEM.render(Map.of()), projectContext(request), task(request));
    }

    private static String projectContext(ModelRequest request) {
        String answers = request.project().answers().isEmpty()
                ? "(The founder gave no answers.)"
                : request.project().answers().entrySet().stream()
                .map(e -> "- Question: " + e.getKey().strip() + "\n  Answer: " + e.getValue().strip())
                .collect(Collectors.joining("\n"));
        return PROJECT.render(Map.of(
                "name", request.project().name(),
                "idea", request.project().idea().strip(),
                "answers", answers));
    }

    private static String task(ModelRequest request) {
        return TASKS.get(request.type()).render(Map.of(
                "tier", request.tier().wireName(),
                "sections", sections(request),
                "section_keys", String.join(", ", request.sections()),
                "dependencies", dependencies(request),
                "regeneration", regeneration(request),
                "repair", repair(request)));
    }

    private static String sections(ModelRequest request) {
        ArtifactSchema schema = ArtifactSchemas.of(request.type());
        return request.sections().stream()
                .map(key -> schema.section(key).map(Prompts::describe).orElse("- `" + key + "`"))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(SectionSpec spec) {
        return "- `" + spec.key() + "` (" + ShapeText.describe(spec.shape()) + "): " + spec.description();
    }

    private static String dependencies(ModelRequest request) {
        if (request.dependencies().isEmpty()) {
            return "";
        }
        String documents = request.dependencies().entrySet().stream()
                .map(e -> DEPENDENCY.render(Map.of("type", e.getKey().wireName(), "content", pretty(e.getValue()))))
                .collect(Collectors.joining("\n"));
        return DEPENDENCIES.render(Map.of("documents", documents));
    }

    private static String regeneration(ModelRequest request) {
        if (!request.isRegeneration()) {
            return "";
        }
        String instructions = request.instructions()
                .orElse("(None given: improve the content on your own judgement, staying faithful to the project.)");
        return REGENERATION.render(Map.of("previous", pretty(request.previousContent().orElseThrow()),
                "instructions", instructions));
    }

    private static String repair(ModelRequest request) {
        if (request.repair().isEmpty()) {
            return "";
        }
        ModelRequest.Repair repair = request.repair().get();
        String violations = repair.violations().stream().map(Violation::toString)
                .map(v -> "- " + v).collect(Collectors.joining("\n"));
        return REPAIR.render(Map.of("rejected", pretty(repair.rejectedContent()),
                "violations", violations.isEmpty() ? "- (not stated)" : violations));
    }

    private static String pretty(ObjectNode content) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content could not be written as JSON", e);
        }
    }
}
